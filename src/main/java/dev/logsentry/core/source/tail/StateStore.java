package dev.logsentry.core.source.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.logsentry.core.io.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes {@code state.json} in a state directory: one file per directory holding every
 * source, so one atomic rename commits a whole run (see docs/decisions/0003-check-state.md).
 * Writing goes through {@link SafeFiles#writeAtomically} (temp file, fsync, rename, fsync of the
 * directory, mode 0600); a symlink or another user's file at the state or temp path is refused.
 */
public final class StateStore {
    public static final String FILE_NAME = "state.json";

    private final Path dir;
    private ObjectMapper mapper; // made on first use: a run with no state file needs none

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper =
                    JsonMapper.builder()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .build();
        }
        return mapper;
    }

    public StateStore(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    /**
     * Loads the state; a missing file is the empty state of a first run.
     *
     * @throws StateException when the file is unsafe or unreadable (it is never silently reset:
     *     that would re-report or skip lines without anyone knowing why)
     */
    public CheckState load() throws StateException {
        Path file = file();
        try {
            SafeFiles.checkPrivateFile(file);
            try (InputStream in =
                    Files.newInputStream(
                            file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                CheckState s = mapper().readValue(in, CheckState.class);
                if (s == null) {
                    throw new StateException(
                            file
                                    + ": not a valid state file (it holds no state); move it away to"
                                    + " start afresh");
                }
                if (s.version() != CheckState.VERSION) {
                    throw new StateException(file + ": unsupported state version " + s.version());
                }
                return s;
            }
        } catch (NoSuchFileException e) {
            return CheckState.empty();
        } catch (JsonProcessingException e) {
            throw new StateException(
                    file
                            + ": not a valid state file ("
                            + e.getOriginalMessage()
                            + "); move it away to start afresh",
                    e);
        } catch (StateException e) {
            throw e;
        } catch (IOException e) {
            throw new StateException("cannot read state " + e.getMessage(), e);
        }
    }

    /** Writes {@code state} atomically, creating the directory (0700) when needed. */
    public void save(CheckState state) throws StateException {
        try {
            SafeFiles.ensureDirectory(dir);
            SafeFiles.writeAtomically(file(), out -> mapper().writeValue(out, state));
        } catch (IOException e) {
            throw new StateException("cannot write state: " + e.getMessage(), e);
        }
    }
}
