package dev.logsentry.core.report.delivery;

import java.nio.charset.StandardCharsets;

/**
 * A rendered report ready to be delivered.
 *
 * @param subject the mail subject as logcheck builds it (see {@code ReportSubject})
 * @param body the report's exact bytes (log lines keep their original bytes)
 * @param mediaType {@code text/plain} or {@code application/json}
 * @param fileName name for an attachment, e.g. {@code logcheck-host.txt}
 * @param html the same report as HTML, or null; a mail then carries both as {@code
 *     multipart/alternative} (the summary digest), the other deliveries write {@code body}
 */
public record FinishedReport(
        String subject, byte[] body, String mediaType, String fileName, String html) {

    /** A report without an HTML alternative. */
    public FinishedReport(String subject, byte[] body, String mediaType, String fileName) {
        this(subject, body, mediaType, fileName, null);
    }

    /** The body as text for an inline mail: UTF-8, invalid bytes shown as U+FFFD. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
