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
 */
public record FinishedReport(String subject, ReportBody content, String mediaType, String fileName)
        implements AutoCloseable {

    /** A report whose bytes are in memory. */
    public FinishedReport(String subject, byte[] body, String mediaType, String fileName) {
        this(subject, ReportBody.of(body), mediaType, fileName);
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
