package dev.logsentry.core.check;

import dev.logsentry.core.rules.Rule;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private temp file (mode 0600, beside the state) holding report lines set aside while a large
 * run is checked, written as sorted runs and read back by merging them. Lines of a report can be as
 * large as the input; keeping them here bounds the memory a run needs. Deleted on close.
 */
final class SpillFile implements AutoCloseable {
    /** Name prefix of spill files, so a run can remove those a killed run left behind. */
    static final String PREFIX = ".logsentry-spill-";

    private final Path path;
    private final DataOutputStream out;
    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIds = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<Rule, Integer> ruleIds = new IdentityHashMap<>();
    private final List<FileChannel> readers = new ArrayList<>();
    private long position;

    private SpillFile(Path path) throws IOException {
        this.path = path;
        this.out =
                new DataOutputStream(
                        new BufferedOutputStream(
                                Files.newOutputStream(path, StandardOpenOption.APPEND), 1 << 16));
    }

    /** Creates a new spill file in {@code dir} (the system temp directory when null). */
    static SpillFile create(Path dir) throws IOException {
        var mode =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        Path p =
                dir == null
                        ? Files.createTempFile(PREFIX, ".tmp", mode)
                        : Files.createTempFile(dir, PREFIX, ".tmp", mode);
        return new SpillFile(p);
    }

    /** Where the next entry will be written (entries written so far are flushed). */
    long position() throws IOException {
        out.flush();
        return position;
    }

    void write(SectionEntry e) throws IOException {
        byte[] text = e.line().latin1().getBytes(StandardCharsets.ISO_8859_1);
        out.writeLong(e.seq());
        out.writeBoolean(e.conditional());
        out.writeInt(e.rule() == null ? -1 : ruleIds.computeIfAbsent(e.rule(), this::addRule));
        out.writeInt(sourceIds.computeIfAbsent(e.line().source(), this::addSource));
        out.writeLong(e.line().offset());
        out.writeInt(text.length);
        out.write(text);
        position += 8 + 1 + 4 + 4 + 8 + 4 + text.length;
    }

    private int addRule(Rule r) {
        rules.add(r);
        return rules.size() - 1;
    }

    private int addSource(String s) {
        sources.add(s);
        return sources.size() - 1;
    }

    /** Reads {@code count} entries written from {@code from} on. */
    Cursor open(long from, long count, boolean keyed) {
        try {
            out.flush();
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            readers.add(ch);
            ch.position(from);
            return new Cursor(
                    ch,
                    new DataInputStream(
                            new BufferedInputStream(Channels.newInputStream(ch), 1 << 15)),
                    count,
                    keyed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + path, e);
        }
    }

    /** Reads one run of entries in order; {@link #head()} is the next one, null at the end. */
    final class Cursor {
        private final FileChannel channel;
        private final DataInputStream in;
        private final boolean keyed;
        private long left;
        private SectionEntry head;

        private Cursor(FileChannel channel, DataInputStream in, long count, boolean keyed) {
            this.channel = channel;
            this.in = in;
            this.left = count;
            this.keyed = keyed;
            advance();
        }

        SectionEntry head() {
            return head;
        }

        void advance() {
            if (left == 0) {
                head = null;
                close();
                return;
            }
            left--;
            try {
                long seq = in.readLong();
                boolean conditional = in.readBoolean();
                int rule = in.readInt();
                String source = sources.get(in.readInt());
                long offset = in.readLong();
                byte[] text = in.readNBytes(in.readInt());
                InputLine line =
                        new InputLine(
                                source, offset, new String(text, StandardCharsets.ISO_8859_1));
                head =
                        SectionEntry.of(
                                seq, line, rule < 0 ? null : rules.get(rule), conditional, keyed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back " + path, e);
            }
        }

        private void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only channel: nothing was lost
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
            for (FileChannel ch : readers) {
                ch.close();
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
