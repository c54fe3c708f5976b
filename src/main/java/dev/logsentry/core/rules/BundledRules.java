package dev.logsentry.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The starter rule sets shipped inside LogSentry, for machines without Debian's logcheck-database:
 * a small logcheck tree (cracking.d, violations.d, violations.ignore.d, ignore.d.*) and the four
 * files of the classic 1996 profile. They were written for LogSentry.
 *
 * <p>Rules are files on disk for logcheck (a rule's location is shown as file:line), so the sets
 * are extracted to a directory the caller chooses, e.g. a per-version cache directory.
 */
public final class BundledRules {

    private static final String BASE = "/dev/logsentry/rules/";

    private BundledRules() {}

    /** The relative paths of the bundled files; directories end with {@code /}. */
    public static List<String> files() {
        try (InputStream in = open("index.txt")) {
            List<String> result = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    result.add(line.trim());
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled rule index unreadable", e);
        }
    }

    /**
     * Writes both sets under {@code dir} ({@code dir/logcheck}, {@code dir/classic}), replacing
     * files of the same name, and returns {@code dir}.
     */
    public static Path extractTo(Path dir) throws IOException {
        for (String file : files()) {
            Path target = dir.resolve(file);
            if (file.endsWith("/")) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = open(file)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** The logcheck tree inside a directory made by {@link #extractTo}. */
    public static Path logcheckTree(Path extracted) {
        return extracted.resolve("logcheck");
    }

    /** The classic rule directory inside a directory made by {@link #extractTo}. */
    public static Path classicDir(Path extracted) {
        return extracted.resolve("classic");
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = BundledRules.class.getResourceAsStream(BASE + file);
        if (in == null) {
            throw new IOException("bundled rule file missing from the application: " + file);
        }
        return in;
    }
}
