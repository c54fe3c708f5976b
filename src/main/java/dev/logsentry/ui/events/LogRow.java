package dev.logsentry.ui.events;

import dev.logsentry.core.source.SyslogLine;

/**
 * One line as the table shows it.
 *
 * @param line 0-based line index in its source
 * @param text the decoded line
 * @param fields the parsed syslog header (time, host, program, pid, message)
 * @param source the display name of the source
 */
public record LogRow(long line, String text, SyslogLine fields, String source) {

    /** The 1-based line number users see. */
    public long number() {
        return line + 1;
    }

    /** {@code program[pid]}, {@code program}, or empty. */
    public String programAndPid() {
        if (fields.program() == null) {
            return "";
        }
        return fields.pid() >= 0 ? fields.program() + "[" + fields.pid() + "]" : fields.program();
    }
}
