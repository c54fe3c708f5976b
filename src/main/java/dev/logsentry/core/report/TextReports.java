package dev.logsentry.core.report;

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

    /** logcheck's {@code printheader}: the heading and an underline of alternating = and -. */
    static String underline(int length) {
        StringBuilder line = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            line.append(i % 2 == 0 ? '=' : '-');
        }
        return line.toString();
    }
}
