package dev.logsentry.core.checkrun;

import java.util.Locale;

/** The report's format: logcheck's text (byte for byte) or JSON. */
public enum ReportFormat {
    TEXT,
    JSON;

    public static ReportFormat parse(String s) throws ConfigException {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("unknown report format '" + s + "' (expected text or json)");
        }
    }
}
