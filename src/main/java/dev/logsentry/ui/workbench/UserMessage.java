package dev.logsentry.ui.workbench;

/**
 * A message for the user: one sentence that names the file and what to do, with optional technical
 * details one click away (for bug reports), never a stack trace in the main text, and optionally
 * one button that does what the sentence offers ("Open Anyway").
 *
 * @param actionText the button's text, or null for no button
 * @param action what the button does (the message is dismissed after it), or null
 */
public record UserMessage(
        Severity severity, String text, String details, String actionText, Runnable action) {

    /** A message without a button. */
    public UserMessage(Severity severity, String text, String details) {
        this(severity, text, details, null, null);
    }

    /** How serious a message is; decides its colour and icon. */
    public enum Severity {
        INFO,
        WARNING,
        ERROR
    }

    public static UserMessage error(String text, Throwable cause) {
        return new UserMessage(Severity.ERROR, text, cause == null ? "" : details(cause));
    }

    private static String details(Throwable cause) {
        var out = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
