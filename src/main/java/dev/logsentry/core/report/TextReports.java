package dev.logsentry.core.report;

import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Profile;

/** The text report of each profile. */
public final class TextReports {

    private TextReports() {}

    /** The byte-exact mail body writer for {@code profile}. */
    public static ReportWriter forProfile(Profile profile) {
        return switch (profile) {
            case LOGCHECK_1_4 -> new LogcheckTextReport();
            case CLASSIC_1996 -> new ClassicTextReport();
        };
    }

    static void text(String text, java.io.OutputStream out) throws java.io.IOException {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The line as the text reports print it: unchanged when it is text (logcheck's bytes); when it
     * {@linkplain InputLine#looksBinary() looks binary}, every control character and every byte
     * above 0x7e as {@code \\xNN}, so random bytes cannot drive a terminal or garble a mail (the
     * JSON report keeps the exact bytes in {@code bytesBase64}).
     */
    static String safeLine(InputLine line) {
        if (!line.looksBinary()) {
            return line.latin1();
        }
        String s = line.latin1();
        StringBuilder b = new StringBuilder(s.length() + 32);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** logcheck's {@code printheader}: the heading and an underline of alternating = and -. */
    static String underline(int length) {
        StringBuilder line = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            line.append(i % 2 == 0 ? '=' : '-');
        }
        return line.toString();
    }
}
