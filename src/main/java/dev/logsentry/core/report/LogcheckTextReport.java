package dev.logsentry.core.report;

import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.ReportedLine;
import dev.logsentry.core.check.Section;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The report body exactly as logcheck 1.4 builds {@code $TMPDIR/report}: header.txt, the error
 * block (a blank line, the errors, a blank line), each section (heading, underline, lines, blank
 * line), the "Logcheck Warnings" section, footer.txt.
 *
 * <p>Log lines, header and footer are written as their original bytes; headings, errors and
 * warnings (text from configuration and file names) as UTF-8. The one deliberate difference: a line
 * of binary data is written escaped (see {@link TextReports}); text lines are untouched. logcheck
 * sends nothing when no section has lines; check {@link CheckResult#reportable()} before
 * delivering.
 */
public final class LogcheckTextReport implements ReportWriter {

    /** Streams the report: sections read back from a spill file are never held whole. */
    @Override
    public void write(CheckResult result, OutputStream target) throws IOException {
        Latin1Output out = new Latin1Output(target);
        if (result.header().isPresent()) {
            out.latin1(result.header().get());
        }
        if (!result.errors().isEmpty()) {
            out.utf8("\n" + String.join("\n", result.errors()) + "\n\n");
        }
        for (Section section : result.sections()) {
            out.utf8(headingText(section.heading()));
            for (ReportedLine line : section.lines()) {
                out.latin1(TextReports.safeLine(line.line()));
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
        out.flush();
    }

    private static String headingText(String text) {
        return text + "\n" + TextReports.underline(text.length()) + "\n";
    }

    static void heading(String text, OutputStream out) throws IOException {
        TextReports.text(text + "\n" + TextReports.underline(text.length()) + "\n", out);
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }
}
