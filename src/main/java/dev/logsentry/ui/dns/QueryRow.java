package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnsTypes;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * One row of the query table: a resolution tree with its display texts and the keys its columns
 * sort by (times as instants, counts as numbers, clients by address bytes then port). A tree whose
 * {@code query} line is not in the log (it was asked before the log began) is a <em>partial</em>
 * row: its client, name and type are unknown and shown as "?", see {@link #PARTIAL_EXPLAINED}.
 */
public final class QueryRow {
    /** What a partial ("?") row is, for tooltips and the legend (see ADR 0006). */
    public static final String PARTIAL_EXPLAINED =
            "A \"?\" row is the end of a client query whose \"query\" line is not in this log: the"
                    + " log begins after it was asked (rotated away, or logging started later)."
                    + " Its lines could not be attributed to a client query line, so the client,"
                    + " name and type are unknown; the steps shown belong to it by dnscache's"
                    + " serial number.";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());

    /** Unknown values sort after known ones, whichever the direction the user picks first. */
    static final Comparator<Instant> TIMES = Comparator.nullsLast(Comparator.naturalOrder());

    /** Names alphabetically, case-insensitive; the "?" of partial rows last. */
    static final Comparator<String> NAMES =
            Comparator.comparing((String s) -> s.equals("?"))
                    .thenComparing(String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Comparator.naturalOrder());

    /** Clients by address (IPv4 before IPv6, numerically), then port; partial rows last. */
    static final Comparator<QueryRow> CLIENTS =
            (a, b) -> {
                int c = Arrays.compareUnsigned(a.clientKey, b.clientKey);
                return c != 0 ? c : Integer.compare(a.port(), b.port());
            };

    /** Durations numerically; rows without a duration (unlabelled logs) last. */
    static final Comparator<Double> DURATIONS =
            Comparator.comparing((Double d) -> d < 0).thenComparing(Comparator.naturalOrder());

    private final ResolutionTree tree;
    private final byte[] clientKey;

    public QueryRow(ResolutionTree tree) {
        this.tree = tree;
        this.clientKey = addressKey(tree.isPartial() ? null : tree.client());
    }

    public ResolutionTree tree() {
        return tree;
    }

    /** True when the log lacks this query's {@code query} line (see {@link #PARTIAL_EXPLAINED}). */
    public boolean isPartial() {
        return tree.isPartial();
    }

    /** When the query arrived; {@code null} for partial rows and unlabelled logs. */
    public Instant start() {
        return tree.start();
    }

    public String time() {
        return tree.start() == null ? "" : TIME.format(tree.start());
    }

    public String client() {
        return tree.clientEndpoint();
    }

    private int port() {
        return tree.isPartial() ? -1 : tree.query().port();
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

    /** Response size in bytes, -1 without a {@code sent} line. */
    public int bytes() {
        return tree.bytes();
    }

    /**
     * True when the row matches a search text, case-insensitive: {@code client:ADDRESS} matches the
     * client address exactly, {@code name:NAME} the asked name exactly (the trailing dot optional),
     * anything else a part of the name or client, or the type mnemonic.
     */
    public boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String s = search.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("client:")) {
            return !tree.isPartial() && tree.client().equalsIgnoreCase(s.substring(7).strip());
        }
        if (s.startsWith("name:")) {
            String n = s.substring(5).strip();
            return !tree.isPartial() && (tree.name().equals(n) || tree.name().equals(n + "."));
        }
        return tree.name().contains(s)
                || tree.clientEndpoint().contains(s)
                || type().toLowerCase(Locale.ROOT).equals(s);
    }

    /**
     * 17 bytes: a family byte (4 before 6, unknown last) and the address, so that byte order is
     * numeric order. IPv4 is parsed here; only IPv6 literals (with a colon) reach {@link
     * InetAddress#getByName}, which never looks those up in DNS.
     */
    private static byte[] addressKey(String ip) {
        byte[] key = new byte[17];
        key[0] = (byte) 0xff;
        if (ip == null) {
            return key;
        }
        if (ip.indexOf(':') < 0) { // dotted quad, parsed by hand: this runs once per query
            int part = 0;
            int value = -1;
            for (int i = 0; i <= ip.length(); i++) {
                char c = i < ip.length() ? ip.charAt(i) : '.';
                if (c >= '0' && c <= '9' && value < 256) {
                    value = (value < 0 ? 0 : value * 10) + (c - '0');
                } else if (c == '.' && value >= 0 && value <= 255 && part < 4) {
                    key[1 + part++] = (byte) value;
                    value = -1;
                } else {
                    key[0] = (byte) 0xff;
                    return key;
                }
            }
            key[0] = (byte) (part == 4 ? 4 : 0xff);
            return key;
        }
        try {
            byte[] a = InetAddress.getByName(ip).getAddress();
            key[0] = (byte) (a.length == 4 ? 4 : 6);
            System.arraycopy(a, 0, key, 1, a.length);
        } catch (UnknownHostException e) {
            key[0] = (byte) 0xff;
        }
        return key;
    }

    @Override
    public String toString() {
        return "QueryRow" + tree;
    }
}
