package dev.logsentry.ui.workbench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logsentry.core.io.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recently opened paths, newest first, kept in {@code recent.json} in the configuration
 * directory. A damaged file is treated as empty: losing the recent list must never stop the app.
 */
public final class RecentFiles {
    private static final int MAX = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<Path> paths = new ArrayList<>();

    public RecentFiles(Path configDir) {
        this.file = configDir.resolve("recent.json");
        load();
    }

    public synchronized List<Path> paths() {
        return List.copyOf(paths);
    }

    /** Moves {@code path} to the top of the list and saves it. */
    public synchronized void add(Path path) {
        Path p = path.toAbsolutePath().normalize();
        paths.remove(p);
        paths.add(0, p);
        while (paths.size() > MAX) {
            paths.remove(paths.size() - 1);
        }
        save();
    }

    public synchronized void clear() {
        paths.clear();
        save();
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            List<String> names =
                    JSON.readValue(file.toFile(), new TypeReference<List<String>>() {});
            names.stream().limit(MAX).map(Path::of).forEach(paths::add);
        } catch (IOException | RuntimeException e) {
            paths.clear();
        }
    }

    private void save() {
        try {
            SafeFiles.ensureDirectory(file.getParent());
            List<String> names = paths.stream().map(Path::toString).toList();
            SafeFiles.writeAtomically(file, out -> JSON.writeValue(out, names));
        } catch (IOException e) {
            // The recent list is a convenience; a read-only home must not break opening files.
        }
    }

    /**
     * Where a file chooser starts: the folder of {@code selected} (the selected log), else the last
     * used folder (of the most recent entry that still exists), else /var/log.
     */
    static Path startFolder(Path selected, List<Path> recent) {
        Path parent = selected == null ? null : selected.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            return parent;
        }
        for (Path p : recent) {
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                return dir;
            }
        }
        return Path.of("/var/log");
    }
}
