package dev.logsentry.core.source.tail;

/**
 * Something the reader noticed about a source: a rotation it followed (INFO), a truncation or a
 * possible gap (WARNING), or a log it could not read (ERROR, shown in the report like logcheck's
 * "E: File could not be read" lines).
 */
public record TailEvent(Severity severity, String source, String message) {
    /** How much the administrator needs to know. */
    public enum Severity {
        INFO,
        WARNING,
        ERROR
    }

    public static TailEvent info(String source, String message) {
        return new TailEvent(Severity.INFO, source, message);
    }

    public static TailEvent warning(String source, String message) {
        return new TailEvent(Severity.WARNING, source, message);
    }

    public static TailEvent error(String source, String message) {
        return new TailEvent(Severity.ERROR, source, message);
    }
}
