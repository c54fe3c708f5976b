package dev.logsentry.core.summary;

/**
 * The older form of pam_unix's lines, where the module is in the tag ({@code sshd(pam_unix)[42]:
 * session opened for user test by (uid=509)}; Red Hat and Debian before Linux-PAM 0.99, and the
 * public LogHub "Linux" corpus), read as today's {@code pam_unix(sshd:session): ...} so that one
 * service file reads both, as logwatch's pam_unix script does.
 */
final class LegacyPam {
    private static final String SUFFIX = "(pam_unix)";

    private LegacyPam() {}

    /** Whether a program tag is the older form ({@code sshd(pam_unix)}). */
    static boolean isTag(String program) {
        return program != null && program.length() > SUFFIX.length() && program.endsWith(SUFFIX);
    }

    /** The program itself ({@code sshd}). */
    static String program(String tag) {
        return tag.substring(0, tag.length() - SUFFIX.length());
    }

    /**
     * The message as today's pam_unix writes it: the facility is "session" for session lines and
     * "auth" for the rest (authentication failures, unknown users), as the old module logged them.
     */
    static String message(String tag, String message) {
        String facility = message.startsWith("session ") ? "session" : "auth";
        return "pam_unix(" + program(tag) + ":" + facility + "): " + message;
    }
}
