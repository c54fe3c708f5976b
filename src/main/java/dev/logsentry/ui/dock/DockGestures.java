package dev.logsentry.ui.dock;

import software.coley.bentofx.dockable.Dockable;

/**
 * BentoFX gestures routed to the workbench: a double-click on a tab maximises its stack, a click on
 * a minimised stack's tab restores it, and a tab that gets the focus or is selected in a focused
 * stack becomes the active part (except while a layout is rebuilt).
 */
final class DockGestures implements DockBento.Gestures {
    private final DockWorkbench workbench;

    DockGestures(DockWorkbench workbench) {
        this.workbench = workbench;
    }

    @Override
    public void doubleClicked(Dockable dockable) {
        workbench.toggleMaximize(dockable.getIdentifier());
    }

    @Override
    public void restoreMinimized(DockStack stack, Dockable dockable) {
        stack.restore(dockable);
        workbench.partActivated(dockable);
    }

    @Override
    public void activated(DockStack stack, Dockable dockable) {
        if (!workbench.rebuilding()) {
            workbench.partActivated(dockable);
        }
    }
}
