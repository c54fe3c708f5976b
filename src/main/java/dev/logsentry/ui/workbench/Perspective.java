package dev.logsentry.ui.workbench;

/** The workbench's perspectives: each a layout of views for one kind of work. */
public enum Perspective {
    EVENTS("Events", "mdi2f-format-list-text", "Shortcut+Shift+E"),
    DNS("DNS", "mdi2d-dns-outline", "Shortcut+Shift+N"),
    RULES("Rules", "mdi2f-file-tree-outline", "Shortcut+Shift+R");

    private final String title;
    private final String icon;
    private final String accelerator;

    Perspective(String title, String icon, String accelerator) {
        this.title = title;
        this.icon = icon;
        this.accelerator = accelerator;
    }

    public String title() {
        return title;
    }

    public String icon() {
        return icon;
    }

    public String accelerator() {
        return accelerator;
    }

    /** The next perspective in order, wrapping around (Ctrl+F8). */
    public Perspective next() {
        Perspective[] all = values();
        return all[(ordinal() + 1) % all.length];
    }
}
