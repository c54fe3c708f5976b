package dev.logsentry.core.remote;

import java.util.Locale;

/**
 * Turns the host name a peer claims into a spool directory name that cannot leave the spool: only
 * {@code [a-z0-9._-]} survive (everything else, '/' included, becomes '_'), leading dots are
 * removed (no ".", "..", or hidden directories), and the length is capped. A missing name falls
 * back to the peer's address.
 */
public final class HostNames {
    /** Longest directory name kept (a DNS name has at most 253 characters). */
    public static final int MAX_LENGTH = 253;

    private HostNames() {}

    /** A safe directory name for {@code claimed}, or for {@code fallback} when it is unusable. */
    public static String sanitize(String claimed, String fallback) {
        String s = clean(claimed);
        if (s.isEmpty()) {
            s = clean(fallback);
        }
        return s.isEmpty() ? "unknown" : s;
    }

    private static String clean(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length() && b.length() < MAX_LENGTH; i++) {
            char c = Character.toLowerCase(name.charAt(i));
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (c == '.' && b.length() == 0) {
                continue;
            }
            b.append(ok ? c : '_');
        }
        String s = b.toString().toLowerCase(Locale.ROOT);
        return s.equals("-") ? "" : s;
    }
}
