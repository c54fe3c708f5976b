package dev.logsentry.core.source.tail;

import dev.logsentry.core.io.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The rotated generations beside one log during one read: finding the one that continues the saved
 * state, reading generations, and telling them apart across runs. A damaged generation (a truncated
 * or corrupt .gz left by a crash or a full disk during compression) is read as far as it can be;
 * the gap is reported once as a warning and reading goes on.
 */
final class Generations {
    private final Path log;
    private final List<TailEvent> events;
    private final String name;
    private final Set<Path> damaged = new HashSet<>();

    Generations(Path log, List<TailEvent> events, String name) {
        this.log = log;
        this.events = events;
        this.name = name;
    }

    /** The rotated files beside {@code log}, newest first (see {@link RotatedFiles}). */
    List<Path> newestFirst() throws IOException {
        return RotatedFiles.newestFirst(log);
    }

    /** The identities of the generations beside {@code log} now (unreadable ones left out). */
    static List<String> ids(Path log) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path g : RotatedFiles.newestFirst(log)) {
            try {
                out.add(FileIdentity.contentId(g));
            } catch (IOException e) {
                // unreadable now: if it becomes readable, it is new then
            }
        }
        return out;
    }

    /** The identity of {@code g}, or null when it cannot be read. */
    String id(Path g) {
        try {
            return FileIdentity.contentId(g);
        } catch (IOException e) {
            damaged(g, e, "it could not be read at all");
            return null;
        }
    }

    /** Whether {@code g} starts with the bytes {@code prev} fingerprinted (false if unreadable). */
    boolean startsLike(Path g, FileState prev) {
        try {
            return FileIdentity.startsLike(g, prev);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the rest of {@code g} after {@code prev.offset()} when {@code g} is the file {@code
     * prev} describes, to its end (an unterminated last line included).
     *
     * @return the position reached, or -1 when {@code g} does not continue {@code prev}
     */
    long readRest(Path g, FileState prev, LineScanner scanner, LineSink sink, LongConsumer count)
            throws IOException {
        try {
            if (!mayContinue(g, prev)) {
                return -1;
            }
        } catch (IOException e) {
            damaged(g, e, "whether it holds lines not yet checked could not be told");
            return -1;
        }
        try (InputStream in = FileIdentity.openContent(g)) {
            String end;
            try {
                end = FileIdentity.endFingerprint(in, prev.offset());
            } catch (IOException e) {
                damaged(
                        g,
                        e,
                        "it is the file read last time, but damaged before byte "
                                + prev.offset()
                                + ", so whatever was written to it after that could not be read");
                return prev.offset();
            }
            if (end == null || !end.equals(prev.endFingerprint())) {
                return -1; // same first bytes, but not what we read up to the offset
            }
            return scan(g, in, prev.offset(), scanner, sink, count);
        }
    }

    /** Reads {@code g} from its start to its end; returns the position reached. */
    long readAll(Path g, LineScanner scanner, LineSink sink, LongConsumer count)
            throws IOException {
        InputStream in;
        try {
            in = FileIdentity.openContent(g);
        } catch (IOException e) {
            if (!FileIdentity.isGzip(g)) {
                throw e;
            }
            damaged(g, e, "none of its lines could be read");
            return 0;
        }
        try (in) {
            return scan(g, in, 0, scanner, sink, count);
        }
    }

    private long scan(
            Path g,
            InputStream in,
            long from,
            LineScanner scanner,
            LineSink sink,
            LongConsumer count)
            throws IOException {
        LineScanner.Result r =
                scanner.scan(in, from, -1, true, FileIdentity.isGzip(g), name, g.toString(), sink);
        count.accept(r.lines());
        if (r.damage() != null) {
            damaged(
                    g,
                    r.damage(),
                    "its lines up to byte "
                            + r.end()
                            + " of its content were checked; whatever followed could not be read"
                            + " and may be missing");
        }
        return r.end();
    }

    /** A cheap first test: same inode or same first bytes (the end is checked on reading). */
    private static boolean mayContinue(Path g, FileState prev) throws IOException {
        if (prev.fingerprintLength() == 0) {
            if (FileIdentity.isGzip(g)) {
                return false; // nothing read of it before: no content to recognise it by
            }
            FileIdentity.Observed o = FileIdentity.observe(g);
            return prev.sameInode(o.device(), o.inode());
        }
        return FileIdentity.startsLike(g, prev);
    }

    private void damaged(Path g, IOException e, String consequence) {
        if (damaged.add(g)) {
            events.add(
                    TailEvent.warning(
                            name,
                            "damaged rotated file "
                                    + g
                                    + " ("
                                    + IoErrors.reason(e)
                                    + "): "
                                    + consequence
                                    + "; "
                                    + log
                                    + " is checked as usual"));
        }
    }
}
