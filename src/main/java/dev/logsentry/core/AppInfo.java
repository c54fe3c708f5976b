package dev.logsentry.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name and version of the application, read once from the properties that the build writes. */
public final class AppInfo {
    public static final String NAME = "LogSentry";
    private static final String VERSION = load();

    private AppInfo() {}

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in =
                AppInfo.class.getResourceAsStream("/dev/logsentry/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
