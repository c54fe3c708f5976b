package dev.logsentry.core.dnscache;

import dev.logsentry.core.dnscache.DnscacheEntry.*;
import dev.logsentry.core.time.Tai64n;
import java.time.Instant;
import java.util.List;

/**
 * Decodes dnscache log lines into {@link DnscacheEntry} records. Fields are split on single spaces
 * by hand (no regular expressions): dnscache writes exactly one space between fields and replaces
 * spaces inside names with {@code ?}. A line that does not fit its entry type becomes an {@link
 * Unparsed} with the reason; parsing never throws.
 *
 * <p>One parser per thread: it reuses its field table and caches decoded addresses.
 */
public final class DnscacheParser {
    private static final int MAX_FIELDS = 48;

    private final String source;
    private final int[] from = new int[MAX_FIELDS];
    private final int[] to = new int[MAX_FIELDS];
    // decoded IPv4 addresses by value: open addressing on primitive keys (no boxing per field)
    private final long[] ipKeys = new long[4096];
    private final String[] ipValues = new String[4096];
    private final NameTable names = new NameTable();
    private String text;
    private int fields;
    private boolean emptyData; // an rr line ending in the space before its (empty) data

    /**
     * @param source the file name put into {@link Unparsed} records
     */
    public DnscacheParser(String source) {
        this.source = source;
    }

    /** Decodes one line (without its line terminator). */
    public DnscacheEntry parse(String line, long lineNo) {
        text = line;
        Instant time = null;
        int start = 0;
        if (!line.isEmpty() && line.charAt(0) == '@') {
            time = Tai64n.parseAt(line, 0);
            if (time == null) {
                return bad(lineNo, null, "invalid TAI64N label");
            }
            if (line.length() == Tai64n.LABEL_LENGTH || line.charAt(Tai64n.LABEL_LENGTH) != ' ') {
                return bad(lineNo, time, "no entry after the TAI64N label");
            }
            start = Tai64n.LABEL_LENGTH + 1;
        }
        emptyData = false;
        if (!split(start)) {
            // dnscache logs a record with no data as "rr ... name " (the space before the data)
            if (line.endsWith(" ")
                    && line.startsWith("rr ", start)
                    && split(start, line.length() - 1)
                    && fields == 5) {
                emptyData = true;
            } else {
                return bad(lineNo, time, fields == 0 ? "empty line" : "empty field (double space)");
            }
        }
        try {
            DnscacheEntry e = decode(lineNo, time);
            return e != null ? e : bad(lineNo, time, "unknown entry type '" + field(0) + "'");
        } catch (Malformed m) {
            return bad(lineNo, time, m.getMessage());
        }
    }

    private DnscacheEntry decode(long n, Instant t) {
        switch (len(0)) {
            case 2:
                if (is(0, "tx")) {
                    return tx(n, t);
                }
                if (is(0, "rr")) {
                    return rr(n, t);
                }
                return null;
            case 4:
                if (is(0, "sent")) {
                    need(3, "sent serial length");
                    return new Sent(n, t, dec(1), (int) dec(2, Integer.MAX_VALUE));
                }
                if (is(0, "drop")) {
                    needAtLeast(3, "drop serial error");
                    return new Drop(n, t, dec(1), rest(2));
                }
                if (is(0, "lame")) {
                    need(4, "lame server control referral");
                    return new Lame(n, t, ip(1), name(2), name(3));
                }
                return null;
            case 5:
                if (is(0, "query")) {
                    return query(n, t);
                }
                if (is(0, "stats")) {
                    need(5, "stats queries motion udp-active tcp-active");
                    return new Stats(
                            n,
                            t,
                            dec(1),
                            dec(2),
                            (int) dec(3, Integer.MAX_VALUE),
                            (int) dec(4, Integer.MAX_VALUE));
                }
                if (is(0, "merge")) {
                    need(4, "merge server type name");
                    return new Merge(n, t, ip(1), type(2), name(3));
                }
                return null;
            case 6:
                if (is(0, "cached")) {
                    return cached(n, t);
                }
                if (is(0, "nodata")) {
                    need(5, "nodata server ttl type name");
                    return new Nodata(n, t, ip(1), dec(2), type(3), name(4));
                }
                return null;
            case 7:
                if (is(0, "tcpopen")) {
                    need(2, "tcpopen ip:port");
                    int colon = colon(1);
                    return new TcpOpen(n, t, ip(from[1], colon), (int) hex(colon + 1, to[1], 4));
                }
                return null;
            case 8:
                if (is(0, "starting")) {
                    need(1, "starting");
                    return new Starting(n, t);
                }
                if (is(0, "nxdomain")) {
                    need(4, "nxdomain server ttl name");
                    return new Nxdomain(n, t, ip(1), dec(2), name(3));
                }
                if (is(0, "servfail")) {
                    needAtLeast(3, "servfail name error");
                    return new Servfail(n, t, name(1), rest(2));
                }
                if (is(0, "tcpclose")) {
                    needAtLeast(3, "tcpclose ip:port error");
                    int colon = colon(1);
                    return new TcpClose(
                            n, t, ip(from[1], colon), (int) hex(colon + 1, to[1], 4), rest(2));
                }
                return null;
            default:
                return null;
        }
    }

    private Query query(long n, Instant t) {
        need(5, "query serial ip:port:id type name");
        int c1 = colon(2);
        int c2 = text.indexOf(':', c1 + 1);
        if (c2 < 0 || c2 > to[2]) {
            throw new Malformed("client is not ip:port:id");
        }
        return new Query(
                n,
                t,
                dec(1),
                ip(from[2], c1),
                (int) hex(c1 + 1, c2, 4),
                (int) hex(c2 + 1, to[2], 4),
                type(3),
                name(4));
    }

    private Tx tx(long n, Instant t) {
        if (fields < 6) {
            throw new Malformed("tx needs gluelessness type name control and at least one server");
        }
        String[] servers = new String[fields - 5];
        for (int i = 5; i < fields; i++) {
            servers[i - 5] = ip(i);
        }
        return new Tx(n, t, (int) dec(1, 1000), type(2), name(3), name(4), List.of(servers));
    }

    private DnscacheEntry cached(long n, Instant t) {
        if (fields >= 2 && is(1, "cname")) {
            need(4, "cached cname name cname");
            return new CachedCname(n, t, name(2), name(3));
        }
        if (fields >= 2 && is(1, "ns")) {
            need(4, "cached ns control server");
            return new CachedNs(n, t, name(2), name(3));
        }
        if (fields >= 2 && is(1, "nxdomain")) {
            need(3, "cached nxdomain name");
            return new CachedNxdomain(n, t, name(2));
        }
        need(3, "cached type name");
        return new Cached(n, t, type(1), name(2));
    }

    private RrEntry rr(long n, Instant t) {
        if (fields < 5) {
            throw new Malformed("rr needs server ttl type name data");
        }
        String server = ip(1);
        long ttl = dec(2);
        if (is(3, "cname")) {
            need(6, "rr server ttl cname name cname");
            return new RrCname(n, t, server, ttl, name(4), name(5));
        }
        if (is(3, "ns")) {
            need(6, "rr server ttl ns name server");
            return new RrNs(n, t, server, ttl, name(4), name(5));
        }
        if (is(3, "ptr")) {
            need(6, "rr server ttl ptr name target");
            return new RrPtr(n, t, server, ttl, name(4), name(5));
        }
        if (is(3, "mx")) {
            need(7, "rr server ttl mx name preference exchanger");
            return new RrMx(n, t, server, ttl, name(4), (int) dec(5, 65535), name(6));
        }
        if (is(3, "soa")) {
            need(12, "rr server ttl soa name mname rname serial refresh retry expire minimum");
            return new RrSoa(
                    n, t, server, ttl, name(4), name(5), name(6), dec(7), dec(8), dec(9), dec(10),
                    dec(11));
        }
        // Generic: the data is hex, an empty record has no field at all, "..." marks a cut.
        int type = type(3);
        String name = name(4);
        if (fields == 5) {
            if (!emptyData) {
                throw new Malformed("rr line cut off before its data");
            }
            return new Rr(n, t, server, ttl, type, name, "", false);
        }
        need(6, "rr server ttl type name hexdata");
        int end = to[5];
        boolean cut = end - from[5] >= 3 && text.startsWith("...", end - 3);
        if (cut) {
            end -= 3;
        }
        if (((end - from[5]) & 1) != 0) {
            throw new Malformed("odd number of hex digits in rr data");
        }
        for (int i = from[5]; i < end; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new Malformed("rr data is not hex");
            }
        }
        return new Rr(n, t, server, ttl, type, name, text.substring(from[5], end), cut);
    }

    // --- fields ---------------------------------------------------------------------------------

    /** Splits text[start..] on single spaces; false on an empty field or an empty line. */
    private boolean split(int start) {
        return split(start, text.length());
    }

    /** Splits text[start..len) on single spaces; false on an empty field or an empty line. */
    private boolean split(int start, int len) {
        fields = 0;
        if (start >= len) {
            return false;
        }
        int s = start;
        for (int i = start; i <= len; i++) {
            if (i == len || text.charAt(i) == ' ') {
                if (i == s) {
                    fields = Math.max(fields, 1);
                    return false;
                }
                if (fields < MAX_FIELDS) {
                    from[fields] = s;
                    to[fields] = i;
                } else {
                    to[MAX_FIELDS - 1] = i; // extra words join the last field (free text)
                }
                fields = Math.min(fields + 1, MAX_FIELDS);
                s = i + 1;
            }
        }
        return true;
    }

    private int len(int i) {
        return to[i] - from[i];
    }

    private boolean is(int i, String word) {
        return len(i) == word.length() && text.regionMatches(from[i], word, 0, word.length());
    }

    private String field(int i) {
        return text.substring(from[i], to[i]);
    }

    private String rest(int i) {
        return text.substring(from[i]);
    }

    private void need(int n, String form) {
        if (fields != n) {
            throw new Malformed("expected '" + form + "' (" + n + " fields), found " + fields);
        }
    }

    private void needAtLeast(int n, String form) {
        if (fields < n) {
            throw new Malformed("expected '" + form + "', found " + fields + " fields");
        }
    }

    private long dec(int i) {
        return dec(i, Long.MAX_VALUE / 10);
    }

    private long dec(int i, long max) {
        if (len(i) > 19) {
            throw new Malformed("number too long: " + field(i));
        }
        long v = 0;
        for (int p = from[i]; p < to[i]; p++) {
            char c = text.charAt(p);
            if (c < '0' || c > '9') {
                throw new Malformed("not a decimal number: " + field(i));
            }
            v = v * 10 + (c - '0');
        }
        if (v > max) {
            throw new Malformed("number out of range: " + field(i));
        }
        return v;
    }

    private int type(int i) {
        return (int) dec(i, 65535);
    }

    private long hex(int a, int b, int digits) {
        if (b - a != digits) {
            throw new Malformed("expected " + digits + " hex digits: " + text.substring(a, b));
        }
        long v = 0;
        for (int p = a; p < b; p++) {
            int d = Ip.hexDigit(text.charAt(p));
            if (d < 0) {
                throw new Malformed("not hex: " + text.substring(a, b));
            }
            v = v << 4 | d;
        }
        return v;
    }

    private int colon(int i) {
        int c = text.indexOf(':', from[i]);
        if (c < 0 || c > to[i]) {
            throw new Malformed("expected ip:port in " + field(i));
        }
        return c;
    }

    private String ip(int i) {
        return ip(from[i], to[i]);
    }

    private String ip(int a, int b) {
        if (b - a == 8) {
            long v = hex(a, b, 8);
            int slot = (int) ((v * 0x9E3779B97F4A7C15L) >>> 52); // 12 bits
            if (ipValues[slot] != null && ipKeys[slot] == v) {
                return ipValues[slot];
            }
            String s = Ip.dotted(v);
            ipKeys[slot] = v; // a collision simply replaces the older address
            ipValues[slot] = s;
            return s;
        }
        String s = Ip.fromHex(text, a, b);
        if (s == null) {
            throw new Malformed("not an 8- or 32-digit hex address: " + text.substring(a, b));
        }
        return s;
    }

    private String name(int i) {
        if (text.charAt(to[i] - 1) != '.') {
            throw new Malformed("domain name does not end with '.': " + field(i));
        }
        return names.get(text, from[i], to[i]);
    }

    private Unparsed bad(long lineNo, Instant time, String reason) {
        return new Unparsed(lineNo, time, source, text, reason);
    }

    /** A field that does not fit; becomes the reason of an {@link Unparsed}. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
