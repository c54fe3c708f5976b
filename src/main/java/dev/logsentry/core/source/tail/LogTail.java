package dev.logsentry.core.source.tail;

import dev.logsentry.core.io.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * including an unterminated last line, because nothing will complete it. A damaged rotated .gz is
 * read as far as it can be, the gap is reported, and reading goes on.
 *
 * <p>The state remembers which rotated generations lay beside the log ({@link
 * FileState#rotated()}). When the file read last time is gone (deleted and recreated, then rotated
 * before this run), the generations that appeared since are read in full, oldest first, so the
 * recreated file's lines are not skipped.
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
        Run run = new Run(log, sink);
        FileIdentity.Observed now;
        try {
            now = FileIdentity.observe(log);
        } catch (NoSuchFileException e) {
            run.events.add(TailEvent.error(run.name, "File could not be read: " + log));
            if (previous == null) {
                return run.result(null);
            }
            Drained drained = run.catchUp(previous);
            return run.result(drained == null ? previous : run.stateOf(drained));
        } catch (IOException e) {
            run.events.add(TailEvent.error(run.name, couldNotRead(log, e)));
            return run.result(previous);
        }
        if (!now.regularFile()) {
            run.events.add(
                    TailEvent.error(
                            run.name, "File could not be read: " + log + " (not a regular file)"));
            return run.result(previous);
        }
        try {
            return run.result(run.readLive(now, previous));
        } catch (RotatedWhileReading e) {
            run.events.add(TailEvent.warning(run.name, e.getMessage()));
        } catch (IOException e) {
            // Lines already passed on stay passed on; the state is not advanced past them.
            run.events.add(TailEvent.error(run.name, couldNotRead(log, e)));
        }
        // continue next run after what was read of rotated files, never before it (no line twice)
        return run.result(run.drained == null ? previous : run.stateOf(run.drained));
    }

    private static String couldNotRead(Path file, IOException e) {
        return "File could not be read: " + file + " (" + IoErrors.reason(e) + ")";
    }

    /** The last rotated file read and where reading stopped in it. */
    private record Drained(Path file, long end) {}

    /** One read of one log: collects events and counts lines. */
    private final class Run {
        final Path log;
        final String name;
        final LineSink sink;
        final List<TailEvent> events = new ArrayList<>();
        long lines;
        Drained drained;

        Run(Path log, LineSink sink) {
            this.log = log;
            this.name = log.toString();
            this.sink = sink;
        }

        Result result(FileState next) throws IOException {
            if (next != null) {
                next = next.withRotated(Generations.ids(log));
            }
            return new Result(next, List.copyOf(events), lines);
        }

        FileState readLive(FileIdentity.Observed now, FileState prev) throws IOException {
            if (prev == null) {
                return readFrom(now, 0, finalRead, null);
            }
            boolean sameInode = prev.sameInode(now.device(), now.inode());
            boolean continues =
                    now.size() >= prev.offset()
                            && (prev.fingerprintLength() > 0 || sameInode)
                            && FileIdentity.continues(log, prev);
            if (continues) {
                if (prev.offset() == 0 && sameInode) {
                    // empty when last read: its content cannot tell a copytruncate since then
                    // from growth, but a copy that appeared since can
                    drained =
                            readFresh(
                                    prev,
                                    " was copied and truncated in place (copytruncate) since the"
                                            + " last run, when it was empty");
                }
                return readFrom(now, prev.offset(), false, prev);
            }
            // Not the file we were reading any more: rotated (rename, copytruncate), truncated,
            // or a new file, perhaps already rotated itself. Its old content may sit next to it.
            drained = catchUp(prev);
            if (drained == null && prev.offset() > 0 && !readNewGenerations) {
                events.add(TailEvent.warning(name, lostTrack(prev, now, sameInode)));
            }
            return readFrom(now, 0, false, null);
        }

        private boolean readNewGenerations;

        /**
         * Reads what was written to the file read last time after its offset, from the rotated
         * generation that continues it, and every newer generation in full; when none continues it,
         * the generations that appeared since the last run, in full.
         *
         * @return the newest rotated file read, or null when none was
         */
        Drained catchUp(FileState prev) throws IOException {
            Generations gens = new Generations(log, events, name);
            List<Path> all = gens.newestFirst();
            for (int i = 0; i < all.size(); i++) {
                Path g = all.get(i);
                long end = gens.readRest(g, prev, scanner, sink, this::count);
                if (end < 0) {
                    continue;
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
                    last =
                            new Drained(
                                    all.get(j),
                                    gens.readAll(all.get(j), scanner, sink, this::count));
                    events.add(
                            TailEvent.info(
                                    name,
                                    "read "
                                            + all.get(j)
                                            + " in full (rotated since the last run)"));
                }
                return last;
            }
            return readFresh(
                    prev,
                    " was recreated and rotated since the last run: the file read then (up to byte "
                            + prev.offset()
                            + ") is gone, so lines written to it after that, if any, were not"
                            + " found");
        }

        /**
         * Reads in full, oldest first, the generations that appeared since the last run (not in
         * {@code prev.rotated()}) and are not the file read then.
         *
         * @param what what happened to the log, for the warning
         * @return the newest one read, or null when there was none
         */
        private Drained readFresh(FileState prev, String what) throws IOException {
            if (prev.rotated() == null) {
                return null; // a state of an older version: which generations are new is unknown
            }
            Generations gens = new Generations(log, events, name);
            List<Path> fresh = new ArrayList<>();
            for (Path g : gens.newestFirst()) {
                String id = gens.id(g);
                if (id != null && !prev.rotated().contains(id) && !gens.startsLike(g, prev)) {
                    fresh.add(0, g); // oldest first
                }
            }
            if (fresh.isEmpty()) {
                return null;
            }
            Drained last = null;
            for (Path g : fresh) {
                last = new Drained(g, gens.readAll(g, scanner, sink, this::count));
            }
            readNewGenerations = true;
            events.add(
                    TailEvent.warning(
                            name,
                            log
                                    + what
                                    + "; read "
                                    + String.join(", ", fresh.stream().map(Path::toString).toList())
                                    + " in full (rotated since the last run), then "
                                    + log));
            return last;
        }

        private void count(long n) {
            lines += n;
        }

        private String lostTrack(FileState prev, FileIdentity.Observed now, boolean sameInode)
                throws IOException {
            // a file now shorter than the bytes fingerprinted cannot show whether it starts alike
            boolean comparable = now.size() >= prev.fingerprintLength();
            boolean sameStart = FileIdentity.startsLike(log, prev);
            if (now.size() < prev.offset() && (sameStart || (sameInode && !comparable))) {
                return log
                        + " shrank from "
                        + prev.offset()
                        + " to "
                        + now.size()
                        + " bytes (truncated in place: copytruncate or a truncation) and no"
                        + " rotated copy of it was found next to it; lines written before the"
                        + " truncation after byte "
                        + prev.offset()
                        + " may not have been checked; reading it from the start";
            }
            if (sameInode) {
                return log
                        + " was rewritten in place (the bytes already read changed: copytruncate"
                        + " and refilled past the old size, or the inode of a deleted file was"
                        + " reused) and no rotated copy of the file read last time was found next"
                        + " to it; lines written to that file after byte "
                        + prev.offset()
                        + " may not have been checked; reading it from the start";
            }
            return log
                    + " was replaced and its previous file was not found next to it"
                    + " (.0, .1, .1.gz, -YYYYMMDD, -YYYYMMDD.gz); lines written to"
                    + " the old file after byte "
                    + prev.offset()
                    + " may not have been checked";
        }

        /**
         * Reads the live log from {@code offset} to its current size, whole lines only. The state
         * returned fingerprints the bytes this read saw (through one open channel), so a
         * copytruncate racing with the read leaves a state that the copy continues.
         *
         * @param verify the state {@code offset} comes from, checked again on the open file (it may
         *     have been replaced since it was looked at); null when reading from the start
         */
        private FileState readFrom(
                FileIdentity.Observed now, long offset, boolean partial, FileState verify)
                throws IOException {
            int fl = FileIdentity.FINGERPRINT_BYTES;
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
                FileIdentity.Observed opened = FileIdentity.observe(log);
                if (opened.device() != now.device() || opened.inode() != now.inode()) {
                    throw new RotatedWhileReading(log);
                }
                long w0 = offset <= 2L * fl ? 0 : offset - fl;
                byte[] head = w0 > 0 ? readAt(ch, 0, fl) : null;
                ch.position(w0);
                ReadWindow in = new ReadWindow(Channels.newInputStream(ch), w0);
                in.skipNBytes(offset - w0);
                if (verify != null && !stillContinues(in, head, offset, verify)) {
                    throw new RotatedWhileReading(log); // nothing was passed on yet
                }
                long end = offset;
                if (now.size() > offset) {
                    LineScanner.Result r =
                            scanner.scan(in, offset, now.size(), partial, name, name, sink);
                    lines += r.lines();
                    end = r.end();
                }
                int len = FileIdentity.fingerprintLengthFor(end);
                if (len == 0) {
                    return new FileState(now.device(), now.inode(), 0, "", "", end);
                }
                byte[] h = w0 == 0 ? in.head(len) : java.util.Arrays.copyOf(head, len);
                byte[] e = in.window(end - len, end);
                h = h != null ? h : readAt(ch, 0, len);
                e = e != null ? e : readAt(ch, end - len, len);
                return new FileState(
                        now.device(),
                        now.inode(),
                        len,
                        FileIdentity.sha256(h),
                        FileIdentity.sha256(e),
                        end);
            }
        }

        /** Whether the open file still holds, at the same places, the bytes {@code prev} names. */
        private boolean stillContinues(ReadWindow in, byte[] head, long offset, FileState prev) {
            int len = FileIdentity.fingerprintLengthFor(offset);
            byte[] e = in.window(offset - len, offset);
            String end = e == null ? null : len == 0 ? "" : FileIdentity.sha256(e);
            if (end == null || !end.equals(prev.endFingerprint())) {
                return false;
            }
            int hl = prev.fingerprintLength();
            if (hl == 0) {
                return true;
            }
            byte[] h = head != null ? head : in.head(Math.min(hl, FileIdentity.FINGERPRINT_BYTES));
            return h != null
                    && h.length >= hl
                    && FileIdentity.sha256(java.util.Arrays.copyOf(h, hl))
                            .equals(prev.fingerprint());
        }

        private static byte[] readAt(FileChannel ch, long pos, int len) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(len);
            while (b.hasRemaining()) {
                if (ch.read(b, pos + b.position()) <= 0) {
                    break;
                }
            }
            return java.util.Arrays.copyOf(b.array(), b.position());
        }

        /** The state of a rotated file read to {@code d.end()}. */
        FileState stateOf(Drained d) throws IOException {
            if (FileIdentity.isGzip(d.file())) {
                return stateOf(d.file(), -1, -1, d.end());
            }
            FileIdentity.Observed o = FileIdentity.observe(d.file());
            return stateOf(d.file(), o.device(), o.inode(), d.end());
        }

        private FileState stateOf(Path file, long dev, long ino, long offset) throws IOException {
            int len = FileIdentity.fingerprintLengthFor(offset);
            String head;
            String end;
            try {
                head = len == 0 ? "" : FileIdentity.fingerprint(file, len);
                end = FileIdentity.endFingerprint(file, offset);
            } catch (IOException e) {
                head = null; // a damaged .gz: its bytes before the damage were read
                end = null;
            }
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
