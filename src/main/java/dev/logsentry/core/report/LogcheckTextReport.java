package dev.logsentry.core.report;

import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.ReportedLine;
import dev.logsentry.core.check.Section;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The report body exactly as logcheck 1.4 builds {@code $TMPDIR/report}: header.txt, the error
 * block (a blank line, the errors, a blank line), each section (heading, underline, lines, blank
 * line), the "Logcheck Warnings" section, footer.txt.
 *
 * <p>Log lines, header and footer are written as their original bytes; headings, errors and
 * warnings (text from configuration and file names) as UTF-8. logcheck sends nothing when no
 * section has lines; check {@link CheckResult#reportable()} before delivering.
 */
public final class LogcheckTextReport implements ReportWriter {

    @Override
    public void write(CheckResult result, OutputStream target) throws IOException {
        target.write(toBytes(result));
        target.flush();
    }

    /**
     * The report in one array of the right size: log lines are copied straight from their strings
     * (one byte per char), without a temporary array per line or a growing buffer.
     */
    @Override
    public byte[] toBytes(CheckResult result) {
        long size = 4096;
        for (Section section : result.sections()) {
            size += 3L * section.heading().length() + 3;
            for (ReportedLine line : section.lines()) {
                size += line.line().latin1().length() + 1;
            }
        }
        ByteSink out = new ByteSink(size);
        if (result.header().isPresent()) {
            out.latin1(result.header().get());
        }
        if (!result.errors().isEmpty()) {
            out.utf8("\n" + String.join("\n", result.errors()) + "\n\n");
        }
        for (Section section : result.sections()) {
            out.utf8(headingText(section.heading()));
            for (ReportedLine line : section.lines()) {
                out.latin1(line.line().latin1());
                out.write('\n');
            }
            out.write('\n');
        }
        if (!result.warnings().isEmpty()) {
            out.utf8(headingText("Logcheck Warnings"));
            for (String warning : result.warnings()) {
                out.utf8(warning + "\n");
            }
            out.write('\n');
        }
        if (result.footer().isPresent()) {
            out.latin1(result.footer().get());
        }
        return out.toByteArray();
    }

    private static String headingText(String text) {
        return text + "\n" + TextReports.underline(text.length()) + "\n";
    }

    /** A growable byte array that takes Latin-1 strings as their bytes. */
    private static final class ByteSink {
        private byte[] buf;
        private int size;

        ByteSink(long capacity) {
            buf = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, capacity))];
        }

        void write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        @SuppressWarnings("deprecation")
        void latin1(String s) {
            ensure(s.length());
            // copies the low byte of each char: the original bytes of a Latin-1 string
            s.getBytes(0, s.length(), buf, size);
            size += s.length();
        }

        void utf8(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
            }
        }

        byte[] toByteArray() {
            return size == buf.length ? buf : java.util.Arrays.copyOf(buf, size);
        }
    }

    static void heading(String text, OutputStream out) throws IOException {
        TextReports.text(text + "\n" + TextReports.underline(text.length()) + "\n", out);
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }
}
