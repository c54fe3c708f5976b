package dev.logsentry.ui.workbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads and saves {@link WorkspaceState} as {@code workspace.json} in the configuration directory.
 * A missing or damaged file gives the defaults (a broken settings file must never stop the app);
 * saving writes a temporary file and renames it, so a crash leaves the old state intact.
 */
public final class WorkspaceStore {
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .configure(
                            com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS,
                            true);

    private final Path file;

    public WorkspaceStore(Path configDir) {
        this.file = configDir.resolve("workspace.json");
    }

    public Path file() {
        return file;
    }

    public WorkspaceState load() {
        if (!Files.isRegularFile(file)) {
            return WorkspaceState.defaults();
        }
        try {
            return JSON.readValue(file.toFile(), WorkspaceState.class);
        } catch (IOException | RuntimeException e) {
            return WorkspaceState.defaults();
        }
    }

    /** Saves {@code state}; returns false (and keeps the old file) when it cannot be written. */
    public boolean save(WorkspaceState state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
