package dev.logsentry.ui.dns;

import java.nio.file.Path;

/**
 * One line of a log file as written there, found for a step of a resolution tree ("Show Log Line").
 *
 * @param file the file that holds it
 * @param line its 1-based number in that file
 * @param text the raw text (with its multilog label, if any)
 */
public record LogLine(Path file, long line, String text) {
    /** "file:line", for headings and messages. */
    public String where() {
        return file + ":" + line;
    }
}
