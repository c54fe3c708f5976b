package dev.logsentry.ui.dock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import software.coley.bentofx.control.Header;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.event.DockEvent;
import software.coley.bentofx.layout.DockContainer;
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
    private final PartTable parts;
    private final Perspectives perspectives = new Perspectives();
    private final StackCommands stacks;
    private final Deque<String> recent = new ArrayDeque<>();
    private final Set<String> closing = new HashSet<>();
    private DockContainerRootBranch mainRoot;
    private Consumer<EditorInput> editorClosed = e -> {};
    private boolean rebuilding;

    public DockWorkbench(ViewRegistry views, SelectionService selection) {
        this.views = views;
        this.selection = selection;
        this.parts = new PartTable(bento, views, id -> PartMenu.build(this, id));
        this.codec = new DockTreeCodec(bento, parts::part);
        this.windows = new DockWindows(bento, codec, host, this::installKeys);
        this.stacks = new StackCommands(this, bento, codec, windows, views);
        bento.gestures(new DockGestures(this));
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

    public void addPerspective(PerspectiveDescriptor descriptor) {
        perspectives.add(descriptor);
    }

    /** The perspectives in menu order (the built-in ones, then the saved ones). */
    public ObservableList<PerspectiveDescriptor> perspectives() {
        return perspectives.list();
    }

    public ReadOnlyObjectProperty<PerspectiveDescriptor> perspectiveProperty() {
        return perspectives.current.getReadOnlyProperty();
    }

    /** Switches to a perspective, keeping the current one's arrangement for when it returns. */
    public void showPerspective(String id) {
        PerspectiveDescriptor next = perspectives.get(id);
        PerspectiveDescriptor current = perspectives.current.get();
        if (current != null) {
            if (current.id().equals(id)) {
                return;
            }
            perspectives.keep(current.id(), captureLayout());
        }
        perspectives.current.set(next);
        apply(perspectives.layoutOf(next, views));
    }

    /** The next perspective in menu order, wrapping around (Ctrl+F8). */
    public void nextPerspective() {
        List<PerspectiveDescriptor> all = perspectives();
        int i = all.indexOf(perspectives.current.get());
        showPerspective(all.get((i + 1) % all.size()).id());
    }

    /** Back to the perspective's default layout (for a saved perspective: as it was saved). */
    public void resetPerspective() {
        PerspectiveDescriptor current = perspectives.current.get();
        perspectives.forget(current.id());
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
        PerspectiveDescriptor current = perspectives.current.get();
        if (current != null) {
            perspectives.keep(current.id(), now);
        }
        PerspectiveDescriptor saved = perspectives.saveAs(name, now);
        perspectives.current.set(saved);
        return saved;
    }

    /** Opens (or brings to front) a registered view, where it was last or in its default area. */
    public boolean showView(String id) {
        Dockable dockable = parts.part(id);
        if (dockable != null) {
            bringUp(dockable);
        }
        return dockable != null;
    }

    public boolean isShown(String id) {
        Dockable dockable = id == null ? null : parts.existing(id);
        return dockable != null && dockable.getContainer() != null;
    }

    public void closeView(String id) {
        Dockable dockable = parts.existing(id);
        if (dockable != null && dockable.getContainer() != null) {
            dockable.getContainer().closeDockable(dockable);
        }
    }

    /** Opens a document in the editor area (or activates it if already open). */
    public void openEditor(EditorInput input, javafx.scene.Node content) {
        bringUp(parts.editor(input, content));
    }

    /** Shows a part where it was last or in its default area, restoring a maximised stack. */
    private void bringUp(Dockable dockable) {
        if (stacks.maximizedStack() != null && !isIn(dockable, stacks.maximizedStack())) {
            stacks.restore();
        }
        if (dockable.getContainer() == null) {
            stacks.place(dockable);
        }
        activate(dockable);
    }

    /** Replaces what an open editor shows (the workbench moves one Events view between them). */
    public void setEditorContent(String id, javafx.scene.Node content) {
        if (parts.isEditor(id)) {
            parts.existing(id).setNode(content);
        }
    }

    public void closeEditor(String id) {
        closeView(id);
    }

    /** Open editors in tab order across the editor stacks. */
    public List<EditorInput> editors() {
        return parts.editors();
    }

    /** Asked before an editor tab closes (close button, middle click, Delete); false keeps it. */
    public void setEditorCloseGuard(java.util.function.Predicate<EditorInput> mayClose) {
        parts.setCloseGuard(mayClose);
    }

    /** Shows {@code title} on the tab of open editor {@code id} (a dirty marker). */
    public void setEditorTitle(String id, String title) {
        parts.setTitle(id, title);
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
        return order.stream().filter(id -> parts.isEditor(id) == editors).toList();
    }

    /** Activates a shown part: its tab comes to front, its window too, and it gets the focus. */
    public void activate(String id) {
        Dockable dockable = parts.existing(id);
        if (dockable != null && dockable.getContainer() != null) {
            activate(dockable);
        }
    }

    public String title(String id) {
        Dockable dockable = parts.existing(id);
        return dockable == null ? id : dockable.getTitle();
    }

    // ---- stacks: move, maximise, minimise, detach

    /**
     * Moves a part next to another part's stack: into it ({@code side} null, as a tab) or split off
     * on that side, as a drag and drop does. Returns whether it moved.
     */
    public boolean moveView(String id, String targetPart, Side side) {
        Dockable dockable = parts.existing(id);
        Dockable target = parts.existing(targetPart);
        return dockable != null
                && target != null
                && activated(dockable, stacks.move(dockable, target, side));
    }

    private boolean activated(Dockable dockable, boolean done) {
        if (done) {
            activate(dockable);
        }
        return done;
    }

    public ReadOnlyBooleanProperty maximizedProperty() {
        return stacks.maximizedProperty();
    }

    /** Maximises the part's stack, or restores the layout if a stack is maximised (Ctrl+M). */
    public boolean toggleMaximize(String id) {
        Dockable dockable = parts.existing(id);
        return dockable != null && activated(dockable, stacks.toggleMaximize(dockable));
    }

    public void restoreMaximized() {
        stacks.restore();
    }

    /** Shrinks the part's stack to its tabs at the window edge; false where it cannot. */
    public boolean minimize(String id) {
        return stackOf(id) instanceof DockStack stack && stack.minimize();
    }

    /** Whether the part's stack is at an end of a split, where it can be minimised. */
    public boolean canMinimize(String id) {
        return stackOf(id) instanceof DockStack stack && stack.canMinimize();
    }

    public boolean isMinimized(String id) {
        return stackOf(id) instanceof DockStack stack && stack.isMinimized();
    }

    /** Opens the part in a window of its own; it docks again with {@link #dock(String)}. */
    public boolean detach(String id) {
        Dockable dockable = parts.existing(id);
        boolean done = dockable != null && activated(dockable, stacks.detach(dockable));
        if (done) { // the new window gets its view's title once it shows
            javafx.application.Platform.runLater(() -> windows.refreshTitles(mainRoot));
        }
        return done;
    }

    public boolean isDetached(String id) {
        Dockable dockable = parts.existing(id);
        return dockable != null && stacks.isDetached(dockable);
    }

    /** Puts a detached part back where it was before it left the main window. */
    public boolean dock(String id) {
        Dockable dockable = parts.existing(id);
        if (dockable == null || !stacks.isDetached(dockable)) {
            return false;
        }
        removeFromStack(dockable);
        stacks.place(dockable);
        activate(dockable);
        return true;
    }

    private DockContainer stackOf(String id) {
        Dockable dockable = parts.existing(id);
        return dockable == null ? null : dockable.getContainer();
    }

    /** The current layout of every perspective, for the workspace file. */
    public DockState captureState() {
        return perspectives.state(captureLayout());
    }

    /**
     * Restores a saved state: the user's perspectives, each perspective's layout, and the active
     * one (detached windows open once the main window shows). Unknown views are skipped.
     */
    public void restoreState(DockState state) {
        showPerspective(perspectives.restore(state));
    }

    PerspectiveLayout captureLayout() {
        return new PerspectiveLayout(
                stacks.mainLayout(), windows.capture(mainRoot), stacks.maximizedStack());
    }

    private void apply(PerspectiveLayout layout) {
        // a rebuild's tab selections are no activations: the editor active before stays active
        List<String> before = List.copyOf(recent);
        rebuilding = true;
        try {
            windows.closeAll(mainRoot);
            stacks.forget();
            rebuildMain(DockLayouts.withEditorArea(layout.main()));
            layout.windows().forEach(windows::open);
            if (layout.maximized() != null) {
                stacks.maximize(layout.maximized(), codec.capture(mainRoot));
            }
        } finally {
            rebuilding = false;
        }
        Optional<Dockable> active =
                before.stream()
                        .filter(id -> parts.isEditor(id) && isShown(id))
                        .findFirst()
                        .or(() -> recentParts(true).stream().findFirst())
                        .map(parts::existing)
                        .or(
                                () ->
                                        windows.stacks(mainRoot).stream()
                                                .map(DockStack::getSelectedDockable)
                                                .filter(d -> d != null)
                                                .findFirst());
        active.ifPresent(this::activate);
    }

    /** Whether the layout is being rebuilt (its tab selections are no activations). */
    boolean rebuilding() {
        return rebuilding;
    }

    DockContainerRootBranch mainRoot() {
        return mainRoot;
    }

    void rebuildMain(LayoutNode layout) {
        // taking the tabs out moves the focus from tab to tab: no activations (Ctrl+M on a log's
        // tab activated the next log's, a dnscache log's switched to the DNS perspective)
        boolean outer = rebuilding;
        rebuilding = true;
        try {
            for (Dockable d : List.copyOf(mainRoot.getDockables())) {
                d.getContainer().removeDockable(d);
            }
            DockContainerRootBranch root = bento.dockBuilding().root("main");
            List<DockStack> minimized = new ArrayList<>();
            codec.buildInto(root, layout, minimized);
            setMainRoot(root);
            parts.editorParts().stream()
                    .filter(d -> d.getContainer() == null)
                    .forEach(stacks::place);
            windows.whenShowing(() -> minimized.forEach(DockStack::minimize));
        } finally {
            rebuilding = outer;
        }
    }

    private void setMainRoot(DockContainerRootBranch root) {
        mainRoot = root;
        host.getChildren().setAll(root);
        if (host.getScene() != null) {
            // Split panes put their items in the scene only once skinned: do it now, so that the
            // tab to activate can take the focus (else JavaFX focuses, and so selects, the first).
            host.applyCss();
            host.layout();
        }
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

    void removeFromStack(Dockable dockable) {
        DockContainer container = dockable.getContainer();
        if (container != null) {
            container.removeDockable(dockable);
        }
    }

    /**
     * Selects the part's tab and gives it the focus. The focus matters: when the focused tab leaves
     * the scene (a layout is rebuilt), JavaFX focuses the first tab of the new tree, and a focused
     * tab selects itself.
     */
    private void activate(Dockable dockable) {
        if (dockable.getContainer() instanceof DockStack stack) {
            if (stack.isMinimized()) {
                stack.restore(dockable);
            } else {
                stack.selectDockable(dockable);
            }
            Header header = stack.getHeader(dockable);
            if (header != null) {
                header.requestFocus();
            }
            windows.toFront(stack);
            partActivated(dockable);
        }
    }

    void partActivated(Dockable dockable) {
        String id = dockable.getIdentifier();
        recent.remove(id);
        recent.addFirst(id);
        selection.partActivated(id);
        if (DockBento.isEditor(dockable)) {
            selection.editorActivated(parts.input(id));
        }
    }

    private void onDockEvent(DockEvent event) {
        if (event instanceof DockEvent.DockableClosing c
                && !parts.mayClose(c.dockable().getIdentifier())) {
            c.cancel();
        } else if (event instanceof DockEvent.DockableClosing c) {
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
        stacks.rememberHome(id, stackId);
        selection.partClosed(id);
        if (DockBento.isEditor(dockable)) {
            EditorInput input = parts.removeEditor(id);
            recentParts(true).stream()
                    .findFirst()
                    .ifPresentOrElse(
                            next -> selection.editorActivated(parts.input(next)),
                            () -> selection.editorActivated(null));
            if (input != null) {
                editorClosed.accept(input);
            }
        }
    }
}
