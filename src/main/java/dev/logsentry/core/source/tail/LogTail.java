package dev.logsentry.core.source.tail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines added to a log file since the last run, following rotation (rename, gzip,
 * copytruncate), truncation and inode reuse, like logtail2 but without losing the rest of a rotated
 * file that was compressed. Reading is pure: the caller decides whether to keep {@link
 * Result#next()} (only after the report was delivered).
 *
 * <p>A live log is read up to its size when the run started and only to the end of its last whole
 * line: a partial last line is read next run. The rest of a rotated file is read to its end,
 * including an unterminated last line, because nothing will complete it.
 */
public final class LogTail {
    /** Default cap on the bytes kept of one line (longer lines are cut, see ADR 0003). */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    private final LineScanner scanner;
    private final boolean finalRead;

    public LogTail() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public LogTail(int maxLineBytes) {
        this(maxLineBytes, false);
    }

    /**
     * @param finalRead no state will be kept (a dry run): a last line without its newline is read
     *     too when there is no saved state to continue from, as logcheck -t reports it
     */
    public LogTail(int maxLineBytes, boolean finalRead) {
        this.scanner = new LineScanner(maxLineBytes);
        this.finalRead = finalRead;
    }

    /**
     * What one read produced.
     *
     * @param next the state to save once the lines were delivered; null when nothing was known or
     *     read about the file (it is missing and was never seen)
     * @param events rotations followed, truncations and errors, in the order they happened
     * @param lines number of lines passed to the sink
     */
    public record Result(FileState next, List<TailEvent> events, long lines) {}

    /**
     * Passes every line of {@code log} not yet checked to {@code sink}.
     *
     * @param previous the saved state, or null on the first run (the whole file is new)
     */
    public Result read(Path log, FileState previous, LineSink sink) throws IOException {
        Run run = new Run(log.toString(), sink);
        FileIdentity.Observed now;
        try {
            now = FileIdentity.observe(log);
        } catch (NoSuchFileException e) {
            run.events.add(TailEvent.error(run.name, "File could not be read: " + log));
            Run.Drained drained = previous == null ? null : run.drainRotated(log, previous);
            return run.result(drained == null ? previous : run.stateOf(drained));
        } catch (IOException e) {
            run.events.add(
                    TailEvent.error(run.name, "File could not be read: " + log + " (" + e + ")"));
            return run.result(previous);
        }
        if (!now.regularFile()) {
            run.events.add(
                    TailEvent.error(
                            run.name, "File could not be read: " + log + " (not a regular file)"));
            return run.result(previous);
        }
        try {
            return run.result(run.readLive(log, now, previous));
        } catch (RotatedWhileReading e) {
            run.events.add(TailEvent.warning(run.name, e.getMessage()));
            return run.result(previous);
        } catch (IOException e) {
            // Lines already passed on stay passed on; the state is not advanced, so at worst they
            // are reported twice.
            run.events.add(
                    TailEvent.error(run.name, "File could not be read: " + log + " (" + e + ")"));
            return run.result(previous);
        }
    }

    /** One read of one log: collects events and counts lines. */
    private final class Run {
        final String name;
        final LineSink sink;
        final List<TailEvent> events = new ArrayList<>();
        long lines;

        Run(String name, LineSink sink) {
            this.name = name;
            this.sink = sink::accept;
        }

        Result result(FileState next) {
            return new Result(next, List.copyOf(events), lines);
        }

        FileState readLive(Path log, FileIdentity.Observed now, FileState prev) throws IOException {
            if (prev == null) {
                return readFrom(log, now, 0);
            }
            boolean sameInode = prev.sameInode(now.device(), now.inode());
            boolean continues =
                    now.size() >= prev.offset()
                            && (prev.fingerprintLength() > 0 || sameInode)
                            && FileIdentity.continues(log, prev);
            if (continues) {
                return readFrom(log, now, prev.offset());
            }
            // Not the file we were reading any more: rotated (rename, copytruncate), truncated, or
            // a new file on a reused inode. Its old content may sit next to it.
            Drained drained = drainRotated(log, prev);
            if (drained == null && prev.offset() > 0) {
                String why;
                if (now.size() < prev.offset()
                        && (sameInode || FileIdentity.startsLike(log, prev))) {
                    why = truncatedMessage(log, prev, now);
                } else if (sameInode) {
                    why =
                            log
                                    + " was rewritten in place (the bytes already read changed;"
                                    + " truncated and refilled, or the inode was reused) and no"
                                    + " rotated copy was found next to it; reading it from the start";
                } else {
                    why =
                            log
                                    + " was replaced and its previous file was not found next to it"
                                    + " (.0, .1, .1.gz, -YYYYMMDD, -YYYYMMDD.gz); lines written to"
                                    + " the old file after byte "
                                    + prev.offset()
                                    + " may not have been checked";
                }
                events.add(TailEvent.warning(name, why));
            }
            return readFrom(log, now, 0);
        }

        private String truncatedMessage(Path log, FileState prev, FileIdentity.Observed now) {
            return log
                    + " shrank from "
                    + prev.offset()
                    + " to "
                    + now.size()
                    + " bytes (truncated); reading it from the start";
        }

        /** Reads the live log from {@code offset} to its current size, whole lines only. */
        private FileState readFrom(Path log, FileIdentity.Observed now, long offset)
                throws IOException {
            long end = offset;
            if (now.size() > offset) {
                try (InputStream in = Files.newInputStream(log)) {
                    FileIdentity.Observed opened = FileIdentity.observe(log);
                    if (opened.device() != now.device() || opened.inode() != now.inode()) {
                        throw new RotatedWhileReading(log);
                    }
                    in.skipNBytes(offset);
                    LineScanner.Result r =
                            scanner.scan(in, offset, now.size(), false, name, log.toString(), sink);
                    lines += r.lines();
                    end = r.end();
                }
            }
            return stateOf(log, now.device(), now.inode(), end);
        }

        /** The last rotated file read and where reading stopped in it. */
        record Drained(Path file, long end) {}

        /**
         * Finds the rotated file that continues {@code prev} and reads its rest, then every newer
         * generation in full (rotated more than once since the last run).
         *
         * @return the newest rotated file read, or null when none continues {@code prev}
         */
        Drained drainRotated(Path log, FileState prev) throws IOException {
            List<Path> gens = RotatedFiles.newestFirst(log);
            for (int i = 0; i < gens.size(); i++) {
                Path g = gens.get(i);
                if (!mayContinue(g, prev)) {
                    continue;
                }
                long end = readRotated(g, prev);
                if (end < 0) {
                    continue; // same first bytes, but not what we read up to the offset
                }
                events.add(
                        TailEvent.info(
                                name,
                                log
                                        + " was rotated; read the rest of "
                                        + g
                                        + " from byte "
                                        + prev.offset()));
                Drained last = new Drained(g, end);
                for (int j = i - 1; j >= 0; j--) {
                    last = new Drained(gens.get(j), readRotated(gens.get(j), null));
                    events.add(
                            TailEvent.info(
                                    name,
                                    "read "
                                            + gens.get(j)
                                            + " in full (rotated since the last run)"));
                }
                return last;
            }
            return null;
        }

        /** A cheap first test: same inode or same first bytes (the end is checked on reading). */
        private boolean mayContinue(Path g, FileState prev) throws IOException {
            if (prev.fingerprintLength() == 0) {
                if (FileIdentity.isGzip(g)) {
                    return false; // nothing read of it before: no content to recognise it by
                }
                FileIdentity.Observed o = FileIdentity.observe(g);
                return prev.sameInode(o.device(), o.inode());
            }
            return FileIdentity.startsLike(g, prev);
        }

        /**
         * Reads a rotated file to its end, including an unterminated last line.
         *
         * @param prev the state to continue from (its end fingerprint is verified first), or null
         *     to read the file from the start
         * @return the end position, or -1 when the file does not continue {@code prev}
         */
        private long readRotated(Path g, FileState prev) throws IOException {
            try (InputStream in = FileIdentity.openContent(g)) {
                long offset = 0;
                if (prev != null) {
                    offset = prev.offset();
                    String end = FileIdentity.endFingerprint(in, offset);
                    if (end == null || !end.equals(prev.endFingerprint())) {
                        return -1;
                    }
                }
                LineScanner.Result r = scanner.scan(in, offset, -1, true, name, g.toString(), sink);
                lines += r.lines();
                return r.end();
            }
        }

        /** The state of a rotated file read to {@code d.end()} (when the live log is missing). */
        FileState stateOf(Drained d) throws IOException {
            if (FileIdentity.isGzip(d.file())) {
                return stateOf(d.file(), -1, -1, d.end());
            }
            FileIdentity.Observed o = FileIdentity.observe(d.file());
            return stateOf(d.file(), o.device(), o.inode(), d.end());
        }

        private FileState stateOf(Path file, long dev, long ino, long offset) throws IOException {
            int len = FileIdentity.fingerprintLengthFor(offset);
            String head = len == 0 ? "" : FileIdentity.fingerprint(file, len);
            String end = FileIdentity.endFingerprint(file, offset);
            return new FileState(
                    dev, ino, len, head == null ? "" : head, end == null ? "" : end, offset);
        }
    }

    /**
     * The log was replaced between looking at it and opening it. Its state is left as it was, so
     * the next run follows the rotation properly (lines already passed on come at most twice).
     */
    private static final class RotatedWhileReading extends IOException {
        RotatedWhileReading(Path log) {
            super(log + " was rotated while being read; it is read again next run");
        }
    }
}
