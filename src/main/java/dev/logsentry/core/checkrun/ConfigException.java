package dev.logsentry.core.checkrun;

/** A setting is missing, malformed or contradicts another; the message says which and where. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
