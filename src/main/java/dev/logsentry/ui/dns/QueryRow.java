package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnsTypes;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One row of the query table: a resolution tree with its display texts. */
public record QueryRow(ResolutionTree tree) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());

    public String time() {
        return tree.start() == null ? "" : TIME.format(tree.start());
    }

    public String client() {
        return tree.clientEndpoint();
    }

    public String name() {
        return tree.name();
    }

    public String type() {
        return tree.type() < 0 ? "?" : DnsTypes.mnemonic(tree.type());
    }

    /** The outcome with the drop reason, e.g. {@code DROPPED (timed out)}. */
    public String outcome() {
        return tree.dropReason() == null
                ? tree.outcome().name()
                : tree.outcome().name() + " (" + tree.dropReason() + ")";
    }

    public int steps() {
        return tree.stepCount();
    }

    public int maxGluelessness() {
        return tree.maxGluelessness();
    }

    /** Milliseconds, or -1 when the log has no labels. */
    public double durationMillis() {
        return tree.durationNanos() < 0 ? -1 : tree.durationNanos() / 1e6;
    }

    public String duration() {
        return tree.durationNanos() < 0
                ? ""
                : String.format(Locale.ROOT, "%.3f ms", tree.durationNanos() / 1e6);
    }

    public int bytes() {
        return tree.bytes();
    }

    /** True when the row matches a search text (name or client, case-insensitive). */
    public boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String s = search.strip().toLowerCase(Locale.ROOT);
        return tree.name().contains(s)
                || tree.clientEndpoint().contains(s)
                || type().toLowerCase(Locale.ROOT).equals(s);
    }
}
