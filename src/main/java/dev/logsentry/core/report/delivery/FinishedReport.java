package dev.logsentry.core.report.delivery;

import java.nio.charset.StandardCharsets;

/**
 * A rendered report ready to be delivered.
 *
 * @param subject the mail subject as logcheck builds it (see {@code ReportSubject})
 * @param content the report's exact bytes (log lines keep their original bytes), in memory or in a
 *     private temp file when large
 * @param mediaType {@code text/plain} or {@code application/json}
 * @param fileName name for an attachment, e.g. {@code logcheck-host.txt}
 * @param html the same report as HTML, or null; a mail then carries both as {@code
 *     multipart/alternative} (the summary digest), the other deliveries write {@code body}
 */
public record FinishedReport(
        String subject, ReportBody content, String mediaType, String fileName, String html)
        implements AutoCloseable {

    /** A report whose bytes are in memory, without an HTML alternative. */
    public FinishedReport(String subject, byte[] body, String mediaType, String fileName) {
        this(subject, ReportBody.of(body), mediaType, fileName, null);
    }

    /** A report whose bytes are in memory, with an HTML alternative (or null). */
    public FinishedReport(
            String subject, byte[] body, String mediaType, String fileName, String html) {
        this(subject, ReportBody.of(body), mediaType, fileName, html);
    }

    /** A report whose bytes may be in a private temp file, without an HTML alternative. */
    public FinishedReport(String subject, ReportBody content, String mediaType, String fileName) {
        this(subject, content, mediaType, fileName, null);
    }

    /** All bytes of the body (use {@link #content()} to stream a large one). */
    public byte[] body() {
        return content.bytes();
    }

    /** Deletes the body's temp file, if it has one. */
    @Override
    public void close() throws java.io.IOException {
        content.close();
    }

    /** The body as text for an inline mail: UTF-8, invalid bytes shown as U+FFFD. */
    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }
}
