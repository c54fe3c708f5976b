package dev.logsentry.ui.dns;

import java.util.List;

/** CSS classes of the gluelessness colour bands (see dns.css): glue-0 .. glue-3 (3 and more). */
final class Glue {
    static final List<String> CLASSES = List.of("glue-0", "glue-1", "glue-2", "glue-3");

    private Glue() {}

    static String styleClass(int gluelessness) {
        return CLASSES.get(Math.max(0, Math.min(3, gluelessness)));
    }

    /** The level as text, so that the band is never told by colour alone. */
    static String label(int gluelessness) {
        return "G" + gluelessness;
    }
}
