package dev.logsentry.core.checkrun;

import dev.logsentry.core.source.tail.CheckState;
import dev.logsentry.core.source.tail.FileIdentity;
import dev.logsentry.core.source.tail.FileState;
import dev.logsentry.core.source.tail.RotatedFiles;
import dev.logsentry.core.source.tail.StateException;
import dev.logsentry.core.source.tail.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An estimate, before anything is read, of how many bytes of new lines a check run will read: from
 * the log files' sizes and the offsets the state saved. The command line uses it to give a large
 * backlog a bounded heap (ADR 0008); it is never used for the run itself, so an estimate that is
 * wrong costs memory or a process start, never a line.
 *
 * <p>Per log file: its size less the saved offset when the state knows the same file; the whole
 * file when there is no state for it; after a rotation (another inode, or smaller than the offset)
 * the whole file plus the newest rotated generation, a compressed one counted at {@value
 * #GZIP_RATIO} times its size. The journal is not counted (its size is not known cheaply).
 */
public final class Backlog {
    /** A conservative expansion factor for gzip-compressed text logs. */
    static final int GZIP_RATIO = 10;

    private Backlog() {}

    /** Estimated bytes of new lines for this run; a state that cannot be read counts as none. */
    public static long newBytes(CheckSettings s) {
        CheckState state;
        try {
            state = new StateStore(s.stateDir()).load();
        } catch (StateException | RuntimeException e) {
            state = CheckState.empty();
        }
        long total = 0;
        for (Path log : s.logFiles()) {
            total += newBytes(log, state.files().get(log.toString()));
        }
        return total;
    }

    static long newBytes(Path log, FileState saved) {
        FileIdentity.Observed now;
        try {
            now = FileIdentity.observe(log);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        if (!now.regularFile()) {
            return 0;
        }
        if (saved == null) {
            return FileIdentity.isGzip(log) ? now.size() * GZIP_RATIO : now.size();
        }
        if (saved.sameInode(now.device(), now.inode()) && now.size() >= saved.offset()) {
            return now.size() - saved.offset();
        }
        return now.size() + newestGeneration(log);
    }

    private static long newestGeneration(Path log) {
        try {
            List<Path> gens = RotatedFiles.newestFirst(log);
            if (gens.isEmpty()) {
                return 0;
            }
            Path g = gens.get(0);
            long size = Files.size(g);
            return FileIdentity.isGzip(g) ? size * GZIP_RATIO : size;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
