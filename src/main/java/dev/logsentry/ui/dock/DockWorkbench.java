package dev.logsentry.ui.dock;

import dev.logsentry.ui.common.Icons;
import dev.logsentry.ui.dock.LayoutNode.Split;
import dev.logsentry.ui.dock.LayoutNode.Stack;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.event.DockEvent;
import software.coley.bentofx.layout.DockContainer;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

/**
 * The docking workbench: views and editors in stacks of tabs (BentoFX) that can be dragged,
 * stacked, split, minimised, maximised and detached; perspectives with a default layout each,
 * switched, reset and saved under a new name; and the whole arrangement as a {@link DockState} for
 * the workspace file. Put {@link #node()} in the window and call {@link #install(Scene)} on its
 * scene for the keys (Ctrl+M, Ctrl+F6, Ctrl+F7).
 */
public final class DockWorkbench {
    static final String CSS = "/dev/logsentry/ui/dock/dock.css";

    private final ViewRegistry views;
    private final SelectionService selection;
    private final DockBento bento = new DockBento();
    private final StackPane host = new StackPane();
    private final DockTreeCodec codec;
    private final DockWindows windows;
    private final Map<String, Dockable> viewParts = new HashMap<>();
    private final Map<String, Dockable> editorParts = new LinkedHashMap<>();
    private final Map<String, EditorInput> editorInputs = new HashMap<>();
    private final Map<String, PerspectiveDescriptor> perspectives = new LinkedHashMap<>();
    private final ObservableList<PerspectiveDescriptor> perspectiveList =
            FXCollections.observableArrayList();
    private final Set<String> customPerspectives = new HashSet<>();
    private final Map<String, PerspectiveLayout> layouts = new HashMap<>();
    private final ReadOnlyObjectWrapper<PerspectiveDescriptor> perspective =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper maximized = new ReadOnlyBooleanWrapper();
    private final Map<String, String> homes = new HashMap<>();
    private final Deque<String> recent = new ArrayDeque<>();
    private final Set<String> closing = new HashSet<>();
    private DockContainerRootBranch mainRoot;
    private LayoutNode beforeMaximize;
    private String maximizedStack;
    private Consumer<EditorInput> editorClosed = e -> {};

    public DockWorkbench(ViewRegistry views, SelectionService selection) {
        this.views = views;
        this.selection = selection;
        this.codec = new DockTreeCodec(bento, this::part);
        this.windows = new DockWindows(bento, codec, host, this::installKeys);
        bento.gestures(new Gestures());
        bento.events().addEventListener(this::onDockEvent);
        host.getStyleClass().add("ls-dock");
        host.getStylesheets().add(css());
        setMainRoot(bento.dockBuilding().root("main"));
    }

    static String css() {
        return DockWorkbench.class.getResource(CSS).toExternalForm();
    }

    /** The main window's dock area, for the centre of the workbench window. */
    public Region node() {
        return host;
    }

    /** Keys of the main window: Ctrl+M maximise/restore, Ctrl+F6 editors, Ctrl+F7 views. */
    public void install(Scene scene) {
        installKeys(scene);
    }

    private void installKeys(Scene scene) {
        new DockKeys(this).install(scene);
    }

    public SelectionService selection() {
        return selection;
    }

    public ViewRegistry views() {
        return views;
    }

    // ---- perspectives

    public void addPerspective(PerspectiveDescriptor descriptor) {
        perspectives.put(descriptor.id(), descriptor);
        perspectiveList.setAll(perspectives.values());
    }

    /** The perspectives in menu order (the built-in ones, then the saved ones). */
    public ObservableList<PerspectiveDescriptor> perspectives() {
        return FXCollections.unmodifiableObservableList(perspectiveList);
    }

    /** Opens the Ctrl+F6 (editors) or Ctrl+F7 (views) list over the main window. */
    public void showSwitcher(boolean editors) {
        List<String> parts = recentParts(editors);
        if (!parts.isEmpty() && host.getScene() != null) {
            new PartSwitcher(this, editors, parts, editors ? KeyCode.F6 : KeyCode.F7)
                    .show(host.getScene().getWindow(), false);
        }
    }

    public ReadOnlyObjectProperty<PerspectiveDescriptor> perspectiveProperty() {
        return perspective.getReadOnlyProperty();
    }

    /** Switches to a perspective, keeping the current one's arrangement for when it returns. */
    public void showPerspective(String id) {
        PerspectiveDescriptor next = perspectives.get(id);
        if (next == null) {
            throw new IllegalArgumentException("no perspective " + id);
        }
        PerspectiveDescriptor current = perspective.get();
        if (current != null) {
            if (current.id().equals(id)) {
                return;
            }
            layouts.put(current.id(), captureLayout());
        }
        perspective.set(next);
        apply(layouts.getOrDefault(id, DockLayouts.fill(next, views)));
    }

    /** The next perspective in menu order, wrapping around (Ctrl+F8). */
    public void nextPerspective() {
        List<PerspectiveDescriptor> all = perspectives();
        int i = all.indexOf(perspective.get());
        showPerspective(all.get((i + 1) % all.size()).id());
    }

    /** Back to the perspective's default layout (for a saved perspective: as it was saved). */
    public void resetPerspective() {
        PerspectiveDescriptor current = perspective.get();
        layouts.remove(current.id());
        apply(DockLayouts.fill(current, views));
    }

    /**
     * Saves the current arrangement as a perspective named {@code title} (replacing a saved one of
     * that name) and switches to it, as Eclipse does.
     */
    public PerspectiveDescriptor savePerspectiveAs(String title) {
        String name = title.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a perspective needs a name");
        }
        PerspectiveLayout now = captureLayout();
        PerspectiveDescriptor current = perspective.get();
        String id = "custom:" + name;
        PerspectiveDescriptor saved =
                new PerspectiveDescriptor(
                        id, name, current == null ? null : current.icon(), null, now);
        if (current != null) {
            layouts.put(current.id(), now);
        }
        addPerspective(saved);
        customPerspectives.add(id);
        layouts.put(id, now);
        perspective.set(saved);
        return saved;
    }

    // ---- views and editors

    /** Opens (or brings to front) a registered view, where it was last or in its default area. */
    public boolean showView(String id) {
        Dockable dockable = part(id);
        if (dockable == null) {
            return false;
        }
        if (maximizedStack != null && !isIn(dockable, maximizedStack)) {
            restoreMaximized();
        }
        if (dockable.getContainer() == null) {
            place(dockable);
        }
        activate(dockable);
        return true;
    }

    public boolean isShown(String id) {
        Dockable dockable = id == null ? null : existingPart(id);
        return dockable != null && dockable.getContainer() != null;
    }

    public void closeView(String id) {
        Dockable dockable = existingPart(id);
        if (dockable != null && dockable.getContainer() != null) {
            dockable.getContainer().closeDockable(dockable);
        }
    }

    /** Opens a document in the editor area (or activates it if already open). */
    public void openEditor(EditorInput input, javafx.scene.Node content) {
        Dockable dockable = editorParts.get(input.id());
        if (dockable == null) {
            dockable = bento.dockBuilding().dockable(input.id());
            dockable.setDragGroupMask(DockBento.EDITOR_GROUP);
            decorate(dockable, input.title(), input.icon());
            if (input.tooltip() != null) {
                dockable.setTooltip(new javafx.scene.control.Tooltip(input.tooltip()));
            }
            dockable.setNode(content);
            editorParts.put(input.id(), dockable);
        }
        editorInputs.put(input.id(), input);
        if (maximizedStack != null && !isIn(dockable, maximizedStack)) {
            restoreMaximized();
        }
        if (dockable.getContainer() == null) {
            place(dockable);
        }
        activate(dockable);
    }

    public void closeEditor(String id) {
        closeView(id);
    }

    /** Open editors in tab order across the editor stacks. */
    public List<EditorInput> editors() {
        return editorParts.keySet().stream().map(editorInputs::get).toList();
    }

    /** Called after the user closed an editor tab (the workbench then closes the source). */
    public void onEditorClosed(Consumer<EditorInput> listener) {
        this.editorClosed = listener;
    }

    /** The part (view or editor) the user worked in last, if it is still shown. */
    public Optional<String> activePart() {
        return recent.stream().filter(this::isShown).findFirst();
    }

    /** Shown parts, most recently active first: the order of the Ctrl+F6 / Ctrl+F7 list. */
    public List<String> recentParts(boolean editors) {
        List<String> order = new ArrayList<>();
        recent.stream().filter(this::isShown).forEach(order::add);
        allShown().stream().filter(id -> !order.contains(id)).forEach(order::add);
        return order.stream().filter(id -> editorParts.containsKey(id) == editors).toList();
    }

    /** Activates a shown part: its tab comes to front, its window too, and it gets the focus. */
    public void activate(String id) {
        Dockable dockable = existingPart(id);
        if (dockable != null && dockable.getContainer() != null) {
            activate(dockable);
        }
    }

    public String title(String id) {
        Dockable dockable = existingPart(id);
        return dockable == null ? id : dockable.getTitle();
    }

    // ---- stacks: move, maximise, minimise, detach

    /**
     * Moves a part next to another part's stack: into it ({@code side} null, as a tab) or split off
     * on that side, as a drag and drop does. Returns whether it moved.
     */
    public boolean moveView(String id, String targetPart, Side side) {
        Dockable dockable = existingPart(id);
        Dockable target = existingPart(targetPart);
        if (dockable == null || target == null || target.getContainer() == null) {
            return false;
        }
        DockStack to = (DockStack) target.getContainer();
        if (dockable.getContainer() == to && (side == null || to.getDockables().size() == 1)) {
            return false;
        }
        if (!to.canReceiveDockable(dockable, side) || (side != null && !to.isCanSplit())) {
            return false;
        }
        detachFromStack(dockable);
        if (side == null) {
            to.addDockable(dockable);
        } else {
            DockStack added = (DockStack) bento.dockBuilding().leaf();
            added.setSide(to.getSide());
            added.addDockable(dockable);
            DockContainerBranch split = bento.dockBuilding().branch();
            boolean vertical = side == Side.TOP || side == Side.BOTTOM;
            split.setOrientation(vertical ? Orientation.VERTICAL : Orientation.HORIZONTAL);
            DockContainerBranch parent = to.getParentContainer();
            parent.replaceContainer(to, split);
            boolean before = side == Side.TOP || side == Side.LEFT;
            split.addContainers(before ? added : to, before ? to : added);
        }
        activate(dockable);
        return true;
    }

    public ReadOnlyBooleanProperty maximizedProperty() {
        return maximized.getReadOnlyProperty();
    }

    /** Maximises the part's stack, or restores the layout if a stack is maximised (Ctrl+M). */
    public boolean toggleMaximize(String id) {
        if (maximizedStack != null) {
            restoreMaximized();
            return false;
        }
        Dockable dockable = existingPart(id);
        if (dockable == null || !(dockable.getContainer() instanceof DockStack stack)) {
            return false;
        }
        if (stack.getScene() != null && stack.getScene() != host.getScene()) {
            return false;
        }
        maximize(stack.getIdentifier(), codec.capture(mainRoot));
        activate(dockable);
        return true;
    }

    private void maximize(String stackId, LayoutNode layout) {
        Stack only =
                DockLayouts.stacks(layout)
                        .filter(s -> s.id().equals(stackId))
                        .findFirst()
                        .orElse(null);
        if (only == null) {
            return;
        }
        beforeMaximize = layout;
        maximizedStack = stackId;
        maximized.set(true);
        rebuildMain(
                new Stack(
                        only.id(),
                        only.views(),
                        only.selected(),
                        only.side(),
                        only.editorArea(),
                        false));
    }

    /** Brings back the layout from before maximising, with the maximised stack as it is now. */
    public void restoreMaximized() {
        if (beforeMaximize == null) {
            return;
        }
        LayoutNode nowStack = codec.capture(mainRoot);
        LayoutNode layout = withStack(beforeMaximize, maximizedStack, nowStack);
        beforeMaximize = null;
        maximizedStack = null;
        maximized.set(false);
        rebuildMain(layout);
    }

    private static LayoutNode withStack(LayoutNode layout, String stackId, LayoutNode current) {
        Stack replacement =
                DockLayouts.stacks(current)
                        .filter(s -> s.id().equals(stackId))
                        .findFirst()
                        .orElse(null);
        if (replacement == null) {
            return layout;
        }
        if (layout instanceof Split split) {
            return new Split(
                    split.orientation(),
                    split.dividers(),
                    split.children().stream().map(c -> withStack(c, stackId, current)).toList());
        }
        Stack stack = (Stack) layout;
        return stack.id().equals(stackId) ? replacement : stack;
    }

    /** Shrinks the part's stack to its tabs at the window edge; false where it cannot. */
    public boolean minimize(String id) {
        Dockable dockable = existingPart(id);
        return dockable != null
                && dockable.getContainer() instanceof DockStack stack
                && stack.minimize();
    }

    public boolean canMinimize(String id) {
        Dockable dockable = existingPart(id);
        return dockable != null
                && dockable.getContainer() instanceof DockStack stack
                && stack.canMinimize();
    }

    public boolean isMinimized(String id) {
        Dockable dockable = existingPart(id);
        return dockable != null
                && dockable.getContainer() instanceof DockStack stack
                && stack.isMinimized();
    }

    /** Opens the part in a window of its own; it docks again with {@link #dock(String)}. */
    public boolean detach(String id) {
        Dockable dockable = existingPart(id);
        if (dockable == null || !(dockable.getContainer() instanceof DockStack from)) {
            return false;
        }
        if (maximizedStack != null) {
            restoreMaximized();
            from = (DockStack) dockable.getContainer();
        }
        homes.put(id, from.getIdentifier());
        javafx.geometry.Bounds bounds = from.localToScreen(from.getLayoutBounds());
        detachFromStack(dockable);
        double x = bounds == null ? 100 : bounds.getMinX() + 40;
        double y = bounds == null ? 100 : bounds.getMinY() + 40;
        double w = Math.max(360, bounds == null ? 480 : bounds.getWidth());
        double h = Math.max(240, bounds == null ? 360 : bounds.getHeight());
        Stack stack =
                new Stack(
                        "window:" + id,
                        List.of(id),
                        id,
                        Side.TOP,
                        DockBento.isEditor(dockable),
                        false);
        windows.open(new WindowLayout(x, y, w, h, stack));
        activate(dockable);
        return true;
    }

    public boolean isDetached(String id) {
        Dockable dockable = existingPart(id);
        return dockable != null
                && dockable.getContainer() != null
                && !windows.isMain(dockable.getContainer(), mainRoot);
    }

    /** Puts a detached part back where it was before it left the main window. */
    public boolean dock(String id) {
        Dockable dockable = existingPart(id);
        if (dockable == null || !isDetached(id)) {
            return false;
        }
        detachFromStack(dockable);
        place(dockable);
        activate(dockable);
        return true;
    }

    // ---- state

    /** The current layout of every perspective, for the workspace file. */
    public DockState captureState() {
        Map<String, PerspectiveLayout> all = new LinkedHashMap<>(layouts);
        PerspectiveDescriptor current = perspective.get();
        if (current != null) {
            all.put(current.id(), captureLayout());
        }
        List<DockState.CustomPerspective> custom =
                perspectives.values().stream()
                        .filter(p -> customPerspectives.contains(p.id()))
                        .map(
                                p ->
                                        new DockState.CustomPerspective(
                                                p.id(), p.title(), p.icon(), p.template()))
                        .toList();
        return new DockState(current == null ? null : current.id(), custom, all);
    }

    /**
     * Restores a saved state: the user's perspectives, each perspective's layout, and the active
     * one (detached windows open once the main window shows). Unknown views are skipped.
     */
    public void restoreState(DockState state) {
        for (DockState.CustomPerspective c : state.custom()) {
            if (c.id() != null && c.title() != null && c.layout() != null) {
                addPerspective(
                        new PerspectiveDescriptor(c.id(), c.title(), c.icon(), null, c.layout()));
                customPerspectives.add(c.id());
            }
        }
        layouts.clear();
        state.layouts()
                .forEach(
                        (id, layout) -> {
                            if (perspectives.containsKey(id)
                                    && layout != null
                                    && layout.main() != null) {
                                layouts.put(id, layout);
                            }
                        });
        String id = state.perspective();
        if (id == null || !perspectives.containsKey(id)) {
            id = perspectives.keySet().iterator().next();
        }
        perspective.set(null);
        showPerspective(id);
    }

    PerspectiveLayout captureLayout() {
        LayoutNode main =
                beforeMaximize != null
                        ? withStack(beforeMaximize, maximizedStack, codec.capture(mainRoot))
                        : codec.capture(mainRoot);
        return new PerspectiveLayout(main, windows.capture(mainRoot), maximizedStack);
    }

    private void apply(PerspectiveLayout layout) {
        windows.closeAll(mainRoot);
        beforeMaximize = null;
        maximizedStack = null;
        maximized.set(false);
        rebuildMain(layout.main());
        layout.windows().forEach(windows::open);
        if (layout.maximized() != null) {
            maximize(layout.maximized(), codec.capture(mainRoot));
        }
        Optional<String> active = activePart();
        active.or(() -> recentParts(true).stream().findFirst()).ifPresent(this::activate);
    }

    private void rebuildMain(LayoutNode layout) {
        for (Dockable d : List.copyOf(mainRoot.getDockables())) {
            d.getContainer().removeDockable(d);
        }
        DockContainerRootBranch root = bento.dockBuilding().root("main");
        List<DockStack> minimized = new ArrayList<>();
        codec.buildInto(root, layout, minimized);
        setMainRoot(root);
        editorParts.values().stream().filter(d -> d.getContainer() == null).forEach(this::place);
        windows.whenShowing(() -> minimized.forEach(DockStack::minimize));
    }

    private void setMainRoot(DockContainerRootBranch root) {
        mainRoot = root;
        host.getChildren().setAll(root);
    }

    // ---- parts

    Dockable part(String id) {
        Dockable existing = existingPart(id);
        if (existing != null) {
            return existing;
        }
        ViewDescriptor descriptor = views.find(id).orElse(null);
        if (descriptor == null) {
            return null;
        }
        Dockable dockable = bento.dockBuilding().dockable(id);
        dockable.setDragGroupMask(
                descriptor.editor() ? DockBento.EDITOR_GROUP : DockBento.VIEW_GROUP);
        decorate(dockable, descriptor.title(), descriptor.icon());
        dockable.setNode(descriptor.factory().get());
        viewParts.put(id, dockable);
        return dockable;
    }

    private Dockable existingPart(String id) {
        Dockable editor = editorParts.get(id);
        return editor != null ? editor : viewParts.get(id);
    }

    private void decorate(Dockable dockable, String title, String icon) {
        dockable.setTitle(title);
        if (icon != null) {
            dockable.setIconFactory(d -> Icons.icon(icon));
        }
        dockable.setContextMenuFactory(d -> PartMenu.build(this, d.getIdentifier()));
    }

    private List<String> allShown() {
        List<String> ids = new ArrayList<>();
        windows.roots(mainRoot)
                .forEach(r -> r.getDockables().forEach(d -> ids.add(d.getIdentifier())));
        return ids;
    }

    private boolean isIn(Dockable dockable, String stackId) {
        return dockable.getContainer() != null
                && dockable.getContainer().getIdentifier().equals(stackId);
    }

    private void detachFromStack(Dockable dockable) {
        DockContainer container = dockable.getContainer();
        if (container != null) {
            container.removeDockable(dockable);
        }
    }

    /** Puts a part that is nowhere where it belongs: its last stack, its area, or a new stack. */
    private void place(Dockable dockable) {
        boolean editor = DockBento.isEditor(dockable);
        String id = dockable.getIdentifier();
        List<DockStack> stacks =
                windows.stacks(mainRoot).stream()
                        .filter(s -> s.isEditorStack() == editor && !s.isMinimized())
                        .toList();
        String area = views.find(id).map(ViewDescriptor::area).orElse(DockLayouts.EDITOR_AREA);
        DockStack target =
                stacks.stream()
                        .filter(s -> s.getIdentifier().equals(homes.get(id)))
                        .findFirst()
                        .or(
                                () ->
                                        stacks.stream()
                                                .filter(s -> s.getIdentifier().equals(area))
                                                .findFirst())
                        .or(() -> stacks.stream().filter(DockStack::isEditorArea).findFirst())
                        .or(() -> stacks.stream().findFirst())
                        .orElse(null);
        if (target == null) {
            target = (DockStack) bento.dockBuilding().leaf(editor ? DockLayouts.EDITOR_AREA : area);
            target.setEditorArea(editor);
            mainRoot.addContainer(target);
        }
        target.addDockable(dockable);
    }

    private void activate(Dockable dockable) {
        if (dockable.getContainer() instanceof DockStack stack) {
            if (stack.isMinimized()) {
                stack.restore(dockable);
            } else {
                stack.selectDockable(dockable);
            }
            windows.toFront(stack);
            partActivated(dockable);
        }
    }

    private void partActivated(Dockable dockable) {
        String id = dockable.getIdentifier();
        recent.remove(id);
        recent.addFirst(id);
        selection.partActivated(id);
        if (DockBento.isEditor(dockable)) {
            selection.editorActivated(editorInputs.get(id));
        }
    }

    private void onDockEvent(DockEvent event) {
        if (event instanceof DockEvent.DockableClosing c) {
            closing.add(c.dockable().getIdentifier());
        } else if (event instanceof DockEvent.DockableRemoved r
                && closing.remove(r.dockable().getIdentifier())) {
            partClosed(r.dockable(), r.container().getIdentifier());
        } else if (event instanceof DockEvent.RootContainerAdded added) {
            windows.rootAdded(added.container(), mainRoot);
        }
        if (event instanceof DockEvent.DockableAdded
                || event instanceof DockEvent.DockableRemoved) {
            windows.refreshTitles(mainRoot);
        }
    }

    private void partClosed(Dockable dockable, String stackId) {
        String id = dockable.getIdentifier();
        recent.remove(id);
        homes.put(id, stackId);
        selection.partClosed(id);
        if (DockBento.isEditor(dockable)) {
            editorParts.remove(id);
            EditorInput input = editorInputs.remove(id);
            recentParts(true).stream()
                    .findFirst()
                    .ifPresentOrElse(
                            next -> selection.editorActivated(editorInputs.get(next)),
                            () -> selection.editorActivated(null));
            if (input != null) {
                editorClosed.accept(input);
            }
        }
    }

    /** BentoFX gestures routed to the workbench. */
    private final class Gestures implements DockBento.Gestures {
        @Override
        public void doubleClicked(Dockable dockable) {
            toggleMaximize(dockable.getIdentifier());
        }

        @Override
        public void restoreMinimized(DockStack stack, Dockable dockable) {
            stack.restore(dockable);
            partActivated(dockable);
        }

        @Override
        public void activated(DockStack stack, Dockable dockable) {
            partActivated(dockable);
        }
    }
}
