package dev.logsentry.core.dnscache;

/**
 * Turns the hex record data of generic {@code rr} lines into presentation text for the types whose
 * wire format is known (A, AAAA, TXT, SPF, HINFO, SRV, CAA, DS, SSHFP, TLSA, DNAME). dnscache logs
 * at most 32 bytes; for truncated data the decodable prefix is shown followed by {@code ...}.
 */
public final class RrData {
    private RrData() {}

    /**
     * @return presentation text, or {@code null} when the type is not decoded here or the data does
     *     not fit its type (the hex is then the only faithful form)
     */
    public static String decode(int type, String hex, boolean truncated) {
        byte[] b = bytes(hex);
        if (b == null) {
            return null;
        }
        Cursor c = new Cursor(b);
        StringBuilder out = new StringBuilder();
        boolean complete;
        try {
            complete = decodeInto(type, c, out);
        } catch (IndexOutOfBoundsException e) {
            complete = false;
        }
        if (!complete) {
            return truncated && out.length() > 0 ? out.append(" ...").toString() : null;
        }
        if (c.pos != b.length) {
            return null; // trailing bytes: not this type's format
        }
        return truncated ? out.append(" ...").toString() : out.toString();
    }

    /** Appends the decoded form; false when the data ended early or is not decodable. */
    private static boolean decodeInto(int type, Cursor c, StringBuilder out) {
        switch (type) {
            case DnsTypes.A -> {
                if (c.b.length != 4) {
                    return false;
                }
                out.append(Ip.dotted(c.u32()));
            }
            case DnsTypes.AAAA -> {
                if (c.b.length != 16) {
                    return false;
                }
                out.append(Ip.ipv6(c.take(16)));
            }
            case DnsTypes.TXT, 99 -> strings(c, out);
            case DnsTypes.HINFO -> {
                string(c, out);
                out.append(' ');
                string(c, out);
            }
            case DnsTypes.SRV -> {
                out.append(c.u16()).append(' ').append(c.u16()).append(' ').append(c.u16());
                out.append(' ');
                return name(c, out);
            }
            case 39 -> { // DNAME
                return name(c, out);
            }
            case DnsTypes.CAA -> {
                out.append(c.u8()).append(' ');
                int tagLen = c.u8();
                for (int i = 0; i < tagLen; i++) {
                    out.append((char) c.u8());
                }
                out.append(" \"");
                while (c.pos < c.b.length) {
                    escaped(c.u8(), out);
                }
                out.append('"');
            }
            case 43 -> { // DS: key tag, algorithm, digest type, digest
                out.append(c.u16()).append(' ').append(c.u8()).append(' ').append(c.u8());
                out.append(' ').append(rest(c));
            }
            case 44 -> { // SSHFP: algorithm, fingerprint type, fingerprint
                out.append(c.u8()).append(' ').append(c.u8()).append(' ').append(rest(c));
            }
            case 52 -> { // TLSA: usage, selector, matching type, data
                out.append(c.u8()).append(' ').append(c.u8()).append(' ').append(c.u8());
                out.append(' ').append(rest(c));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void strings(Cursor c, StringBuilder out) {
        boolean first = true;
        while (c.pos < c.b.length) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            string(c, out);
        }
    }

    /**
     * One DNS character-string, quoted, with {@code "} and {@code \} escaped and others as \ddd.
     */
    private static void string(Cursor c, StringBuilder out) {
        int len = c.u8();
        int start = out.length();
        out.append('"');
        for (int i = 0; i < len; i++) {
            if (c.pos >= c.b.length) {
                throw new IndexOutOfBoundsException("string at " + start);
            }
            escaped(c.u8(), out);
        }
        out.append('"');
    }

    private static void escaped(int ch, StringBuilder out) {
        if (ch == '"' || ch == '\\') {
            out.append('\\').append((char) ch);
        } else if (ch < 32 || ch > 126) {
            out.append('\\').append(String.format("%03d", ch));
        } else {
            out.append((char) ch);
        }
    }

    /** An uncompressed wire-format name; false on a compression pointer (not decodable here). */
    private static boolean name(Cursor c, StringBuilder out) {
        int len = c.u8();
        if (len == 0) {
            out.append('.');
            return true;
        }
        while (len != 0) {
            if (len > 63) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                int ch = c.u8();
                out.append(ch <= 32 || ch > 126 ? '?' : Character.toLowerCase((char) ch));
            }
            out.append('.');
            len = c.u8();
        }
        return true;
    }

    private static String rest(Cursor c) {
        StringBuilder s = new StringBuilder();
        while (c.pos < c.b.length) {
            s.append(String.format("%02x", c.u8()));
        }
        return s.toString();
    }

    /** Hex text to bytes, or null when it is not an even number of hex digits. */
    static byte[] bytes(String hex) {
        if ((hex.length() & 1) != 0) {
            return null;
        }
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }

    private static final class Cursor {
        final byte[] b;
        int pos;

        Cursor(byte[] b) {
            this.b = b;
        }

        int u8() {
            if (pos >= b.length) {
                throw new IndexOutOfBoundsException(pos);
            }
            return b[pos++] & 0xff;
        }

        int u16() {
            return u8() << 8 | u8();
        }

        long u32() {
            return (long) u16() << 16 | u16();
        }

        byte[] take(int n) {
            byte[] r = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return r;
        }
    }
}
