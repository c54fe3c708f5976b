package dev.logsentry.core.check;

import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The lines of one report section during a streamed run: in memory while they are few, otherwise in
 * sorted runs in a {@link SpillFile}, merged back in logcheck's order when the report is written.
 * Which violations lines survive is decided only at the end, when the run's attack flag is known.
 */
final class SectionStore {
    /** How the lines of a section are ordered and cleaned, as the profile prescribes. */
    record Order(Comparator<SectionEntry> comparator, boolean strip, boolean unique) {}

    final Verdict kind;
    final String ruleFile;
    final int declared;
    private String firstHeading;
    private String firstUnconditionalHeading;
    private long firstSeq = Long.MAX_VALUE;
    private long firstUnconditionalSeq = Long.MAX_VALUE;
    private final List<SectionEntry> memory = new ArrayList<>();
    private final List<long[]> runs = new ArrayList<>();
    private long conditional;
    private long total;

    /**
     * @param declared position among the rule files of its kind (report order), or -1 for a section
     *     named only by the lines (ordered by first appearance after the declared ones)
     */
    SectionStore(Verdict kind, String ruleFile, int declared) {
        this.kind = kind;
        this.ruleFile = ruleFile;
        this.declared = declared;
    }

    void add(SectionEntry e, String heading) {
        if (firstSeq == Long.MAX_VALUE) {
            firstSeq = e.seq();
            firstHeading = heading;
        }
        if (!e.conditional() && firstUnconditionalSeq == Long.MAX_VALUE) {
            firstUnconditionalSeq = e.seq();
            firstUnconditionalHeading = heading;
        }
        memory.add(e);
        total++;
        conditional += e.conditional() ? 1 : 0;
    }

    /** Whether lines stay in this section given the run's attack flag. */
    boolean isEmpty(boolean attack) {
        return total - (attack ? conditional : 0) == 0;
    }

    /** The heading of the first line kept (sections are named by their first placement). */
    String heading(boolean attack) {
        return attack ? firstUnconditionalHeading : firstHeading;
    }

    /** Input position of the first line kept: orders sections not declared by rule files. */
    long firstSeq(boolean attack) {
        return attack ? firstUnconditionalSeq : firstSeq;
    }

    /** Writes the lines held in memory as one sorted run. */
    void spill(SpillFile file, Order order) throws IOException {
        if (memory.isEmpty()) {
            return;
        }
        memory.sort(order.comparator());
        long from = file.position();
        for (SectionEntry e : memory) {
            file.write(e);
        }
        runs.add(new long[] {from, memory.size()});
        memory.clear();
    }

    boolean spilled() {
        return !runs.isEmpty();
    }

    /**
     * The section's lines in report order. Held in memory: a plain list. Spilled: a list whose
     * iterator merges the runs from the file (everything must have been spilled first).
     */
    List<ReportedLine> lines(SpillFile file, Order order, boolean attack, boolean keyed) {
        if (runs.isEmpty()) {
            memory.sort(order.comparator());
            List<ReportedLine> out = new ArrayList<>(memory.size());
            Emitter emit = new Emitter(order, attack);
            for (SectionEntry e : memory) {
                ReportedLine r = emit.apply(e);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        }
        return new SpilledLines(file, order, attack, keyed);
    }

    /** Applies the attack filter, SORTUNIQ's deduplication and logcheck's trailing-space strip. */
    private static final class Emitter {
        private final Order order;
        private final boolean attack;
        private String previous;

        Emitter(Order order, boolean attack) {
            this.order = order;
            this.attack = attack;
        }

        ReportedLine apply(SectionEntry e) {
            if (attack && e.conditional()) {
                return null;
            }
            String text = e.line().latin1();
            if (order.unique()) {
                if (text.equals(previous)) {
                    return null;
                }
                previous = text;
            }
            InputLine line =
                    order.strip()
                            ? e.line().withLatin1(LogcheckOrder.stripTrailingSpace(text))
                            : e.line();
            return new ReportedLine(line, e.rule());
        }
    }

    /** A section read back from its runs; iterating merges them (k-way, by the section order). */
    final class SpilledLines extends AbstractList<ReportedLine> {
        private final SpillFile file;
        private final Order order;
        private final boolean attack;
        private final boolean keyed;
        private int size = -1;

        SpilledLines(SpillFile file, Order order, boolean attack, boolean keyed) {
            this.file = file;
            this.order = order;
            this.attack = attack;
            this.keyed = keyed;
        }

        @Override
        public Iterator<ReportedLine> iterator() {
            PriorityQueue<SpillFile.Cursor> queue =
                    new PriorityQueue<>(
                            Math.max(1, runs.size()),
                            (a, b) -> order.comparator().compare(a.head(), b.head()));
            for (long[] run : runs) {
                SpillFile.Cursor c = file.open(run[0], run[1], keyed);
                if (c.head() != null) {
                    queue.add(c);
                }
            }
            Emitter emit = new Emitter(order, attack);
            return new Iterator<>() {
                private ReportedLine next = fetch();

                private ReportedLine fetch() {
                    while (!queue.isEmpty()) {
                        SpillFile.Cursor c = queue.poll();
                        SectionEntry e = c.head();
                        c.advance();
                        if (c.head() != null) {
                            queue.add(c);
                        }
                        ReportedLine r = emit.apply(e);
                        if (r != null) {
                            return r;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public ReportedLine next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    ReportedLine r = next;
                    next = fetch();
                    return r;
                }
            };
        }

        @Override
        public ReportedLine get(int index) {
            Iterator<ReportedLine> it = iterator();
            for (int i = 0; i < index && it.hasNext(); i++) {
                it.next();
            }
            if (!it.hasNext()) {
                throw new IndexOutOfBoundsException(index);
            }
            return it.next();
        }

        @Override
        public int size() {
            if (size < 0) {
                long n = 0;
                if (!order.unique()) {
                    n = total - (attack ? conditional : 0);
                } else {
                    for (Iterator<ReportedLine> it = iterator(); it.hasNext(); it.next()) {
                        n++;
                    }
                }
                size = (int) Math.min(Integer.MAX_VALUE, n);
            }
            return size;
        }
    }
}
