package dev.logsentry.core.report;

import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.ReportedLine;
import dev.logsentry.core.check.Section;
import java.io.BufferedOutputStream;
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
        BufferedOutputStream out = new BufferedOutputStream(target, 1 << 16);
        if (result.header().isPresent()) {
            bytes(result.header().get(), out);
        }
        if (!result.errors().isEmpty()) {
            text("\n" + String.join("\n", result.errors()) + "\n\n", out);
        }
        for (Section section : result.sections()) {
            heading(section.heading(), out);
            for (ReportedLine line : section.lines()) {
                bytes(line.line().latin1(), out);
                out.write('\n');
            }
            out.write('\n');
        }
        if (!result.warnings().isEmpty()) {
            heading("Logcheck Warnings", out);
            for (String warning : result.warnings()) {
                text(warning + "\n", out);
            }
            out.write('\n');
        }
        if (result.footer().isPresent()) {
            bytes(result.footer().get(), out);
        }
        out.flush();
    }

    static void heading(String text, OutputStream out) throws IOException {
        TextReports.text(text + "\n" + TextReports.underline(text.length()) + "\n", out);
    }

    private static void bytes(String latin1, OutputStream out) throws IOException {
        out.write(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void text(String text, OutputStream out) throws IOException {
        TextReports.text(text, out);
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }
}
