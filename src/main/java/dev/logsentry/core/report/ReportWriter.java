package dev.logsentry.core.report;

import dev.logsentry.core.check.CheckResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns a finished {@link CheckResult} into bytes (text, JSON, ...). Writers only read the result;
 * they never call back into the engine, so one result can go to several writers.
 */
public interface ReportWriter {

    /** Writes the report for {@code result} to {@code out} (not closed). */
    void write(CheckResult result, OutputStream out) throws IOException;

    /** A MIME type for attachments and HTTP, e.g. {@code text/plain}. */
    String mediaType();

    /** The report as bytes. */
    default byte[] toBytes(CheckResult result) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try {
            write(result, buffer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
