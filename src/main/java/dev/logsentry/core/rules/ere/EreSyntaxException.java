package dev.logsentry.core.rules.ere;

/** A POSIX extended regular expression that GNU grep would also reject, with grep's reason. */
public final class EreSyntaxException extends Exception {

    private final int position;

    public EreSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** 0-based character position in the pattern where the problem was found. */
    public int position() {
        return position;
    }
}
