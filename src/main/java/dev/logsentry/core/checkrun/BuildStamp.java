package dev.logsentry.core.checkrun;

import dev.logsentry.core.rules.automata.AutomataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which build of the program this is, beyond its version number: the jar's size and modification
 * time, or for a class folder (development, tests) the newest class file of the rule compiler. A
 * cache of compiled automata (ADR 0014) is only used by the build that wrote it, since a
 * development build keeps its version while the compiler changes.
 */
final class BuildStamp {
    private static final String STAMP = compute();

    private BuildStamp() {}

    static String get() {
        return STAMP;
    }

    private static String compute() {
        try {
            var source = AutomataStore.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "unknown";
            }
            Path where = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(where)) {
                return where + " " + Files.size(where) + " " + Files.getLastModifiedTime(where);
            }
            long newest = 0;
            for (String pkg : new String[] {"automata", "ere", ""}) {
                Path d = where.resolve("dev/logsentry/core/rules").resolve(pkg);
                try (Stream<Path> files = Files.list(d)) {
                    for (Path f : files.toList()) {
                        newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
                    }
                }
            }
            return where + " " + newest;
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            // no stamp: a fresh one every run, so no cache is ever reused by another build
            return "unknown " + System.nanoTime();
        }
    }
}
