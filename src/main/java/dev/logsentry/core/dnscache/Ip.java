package dev.logsentry.core.dnscache;

/**
 * Address codecs for dnscache logs: dnscache writes IPv4 as 8 hex digits ({@code 7f000001}) and
 * IPv6-patched builds write 32 hex digits; both become the usual text forms (RFC 5952 for IPv6).
 */
public final class Ip {
    private Ip() {}

    /** Dotted quad of a 32-bit address. */
    public static String dotted(long v) {
        return ((v >>> 24) & 255)
                + "."
                + ((v >>> 16) & 255)
                + "."
                + ((v >>> 8) & 255)
                + "."
                + (v & 255);
    }

    /**
     * Decodes 8 or 32 hex digits in {@code s[from, to)}.
     *
     * @return the text form, or {@code null} when the digits are not an address
     */
    public static String fromHex(CharSequence s, int from, int to) {
        int n = to - from;
        if (n == 8) {
            long v = 0;
            for (int i = from; i < to; i++) {
                int d = hexDigit(s.charAt(i));
                if (d < 0) {
                    return null;
                }
                v = v << 4 | d;
            }
            return dotted(v);
        }
        if (n == 32) {
            byte[] b = new byte[16];
            for (int i = 0; i < 16; i++) {
                int hi = hexDigit(s.charAt(from + 2 * i));
                int lo = hexDigit(s.charAt(from + 2 * i + 1));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                b[i] = (byte) (hi << 4 | lo);
            }
            return ipv6(b);
        }
        return null;
    }

    /**
     * RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups
     * as ::.
     */
    public static String ipv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 255) << 8 | (b[2 * i + 1] & 255);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
