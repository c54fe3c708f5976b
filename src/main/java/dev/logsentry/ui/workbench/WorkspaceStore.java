package dev.logsentry.ui.workbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.logsentry.core.io.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads and saves {@link WorkspaceState} as {@code workspace.json} in the configuration directory.
 * A missing or damaged file gives the defaults (a broken settings file must never stop the app);
 * saving goes through {@link SafeFiles#writeAtomically} (owner-only, fsynced, renamed), so a crash
 * leaves the old state intact.
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
            SafeFiles.ensureDirectory(file.getParent());
            SafeFiles.writeAtomically(file, out -> JSON.writeValue(out, state));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
