package dev.logsentry.core.report;

import dev.logsentry.core.check.CheckResult;
import dev.logsentry.core.check.ReportedLine;
import dev.logsentry.core.check.Section;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The report body of the 1996 logcheck.sh: for each section a blank line, the heading, an underline
 * of "=-", then the lines as their original bytes; nothing after the last line.
 */
public final class ClassicTextReport implements ReportWriter {

    @Override
    public void write(CheckResult result, OutputStream target) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(target, 1 << 16);
        for (Section section : result.sections()) {
            out.write('\n');
            LogcheckTextReport.heading(section.heading(), out);
            for (ReportedLine line : section.lines()) {
                out.write(TextReports.safeLine(line.line()).getBytes(StandardCharsets.ISO_8859_1));
                out.write('\n');
            }
        }
        out.flush();
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }
}
