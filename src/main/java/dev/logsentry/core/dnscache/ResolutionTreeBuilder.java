package dev.logsentry.core.dnscache;

import dev.logsentry.core.dnscache.DnscacheEntry.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a stream of dnscache entries into one {@link ResolutionTree} per client query.
 *
 * <p>Only {@code query}, {@code sent} and {@code drop} name their query. The rest is attributed by
 * what dnscache's single-threaded loop guarantees: everything it logs while handling one event (a
 * new client packet, or one server response) is contiguous and ends with a {@code tx} (it waits
 * again), a {@code sent} or a {@code drop}. Such a block after a {@code query} line is that
 * query's. A block that starts with a server's response belongs to one of the queries waiting for
 * an answer: the one its {@code sent}/{@code drop} serial names, else the only waiting query
 * consistent with the block (responding server among the ones the query's last {@code tx} went to,
 * names that relate to the asked name, a next {@code tx} that continues that query's own lookup
 * stack). When several queries remain consistent (identical lookups in flight, merged queries) the
 * earliest is chosen and the steps are marked ambiguous with the other candidates' serials.
 *
 * <p>Feed entries in log order with {@link #accept}; completed trees are reported to the listener
 * at once (follow mode), and {@link #finish} closes the rest as unfinished. A {@link #streaming}
 * builder keeps no trees: it hands each one on in query order as soon as it and every earlier one
 * are complete, so memory holds only the queries in flight (the command line prints a log of any
 * size this way).
 */
public final class ResolutionTreeBuilder {
    /** Entries logged while dnscache handled one event. */
    private static final class Block {
        final OpenQuery owner;
        final List<DnscacheEntry> lines = new ArrayList<>();

        Block(OpenQuery owner) {
            this.owner = owner;
        }
    }

    private final Consumer<ResolutionTree> onComplete;
    private final List<ResolutionTree> trees = new ArrayList<>();

    /** Streaming only: receives the trees in query order; null when every tree is kept. */
    private final Consumer<ResolutionTree> inQueryOrder;

    /** Streaming only: trees not yet handed on, in query order (the first one is not done). */
    private final ArrayDeque<OpenQuery> waiting = new ArrayDeque<>();

    private final Map<Long, OpenQuery> open = new LinkedHashMap<>();
    private final Set<String> tcpConnections = new HashSet<>();
    private final List<DnscacheEntry> unattributed = new ArrayList<>();
    private Block block;
    private OpenQuery lastTx;

    public ResolutionTreeBuilder() {
        this(t -> {});
    }

    /**
     * @param onComplete called with each tree as soon as its query is sent, dropped or abandoned
     */
    public ResolutionTreeBuilder(Consumer<ResolutionTree> onComplete) {
        this(onComplete, null);
    }

    private ResolutionTreeBuilder(
            Consumer<ResolutionTree> onComplete, Consumer<ResolutionTree> inQueryOrder) {
        this.onComplete = onComplete;
        this.inQueryOrder = inQueryOrder;
    }

    /**
     * A builder that keeps no trees ({@link #trees()} stays empty): each tree is handed to {@code
     * inQueryOrder} once it is complete and every tree before it has been handed on, so the order
     * is the one {@link #trees()} would have.
     */
    public static ResolutionTreeBuilder streaming(Consumer<ResolutionTree> inQueryOrder) {
        return new ResolutionTreeBuilder(t -> {}, java.util.Objects.requireNonNull(inQueryOrder));
    }

    /**
     * Every tree so far, in the order of their queries (including ones still open); empty for a
     * {@link #streaming} builder.
     */
    public List<ResolutionTree> trees() {
        return trees;
    }

    /**
     * Entries that no open query can have produced (e.g. answers to queries from before the log).
     */
    public List<DnscacheEntry> unattributed() {
        return unattributed;
    }

    public void accept(DnscacheEntry e) {
        OpenQuery txOwner = lastTx;
        lastTx = null;
        if (e instanceof Query q) {
            closeBlock(null);
            OpenQuery prev = open.remove(q.serial());
            if (prev != null) {
                abandon(prev);
            }
            boolean tcp =
                    !tcpConnections.isEmpty()
                            && tcpConnections.contains(q.client() + ":" + q.port());
            OpenQuery o = new OpenQuery(new ResolutionTree(q, q.serial(), tcp), q.name());
            created(o);
            open.put(q.serial(), o);
            block = new Block(o);
        } else if (e instanceof Sent s) {
            end(s.serial(), e);
        } else if (e instanceof Drop d) {
            end(d.serial(), e);
        } else if (e instanceof Tx) {
            if (block == null) {
                block = new Block(null);
            }
            block.lines.add(e);
            lastTx = closeBlock(e);
        } else if (e instanceof Merge m) {
            if (block != null) {
                block.lines.add(e);
            } else {
                merge(m, txOwner);
            }
        } else if (e instanceof Starting) {
            closeBlock(null);
            for (OpenQuery o : open.values()) {
                abandon(o);
            }
            open.clear();
            tcpConnections.clear();
        } else if (e instanceof TcpOpen t) {
            tcpConnections.add(t.client() + ":" + t.port());
        } else if (e instanceof TcpClose t) {
            tcpConnections.remove(t.client() + ":" + t.port());
        } else if (e instanceof Stats || e instanceof Unparsed) {
            // global counters and damaged lines are not steps of a query
        } else {
            if (block == null) {
                block = new Block(null);
            }
            block.lines.add(e);
        }
    }

    /** Closes the open block and every open query (as unfinished); returns all trees. */
    public List<ResolutionTree> finish() {
        closeBlock(null);
        for (OpenQuery o : open.values()) {
            abandon(o);
        }
        open.clear();
        return trees;
    }

    // --- blocks ---------------------------------------------------------------------------------

    private void end(long serial, DnscacheEntry end) {
        OpenQuery o = open.remove(serial);
        if (o == null) {
            // the log began after this query's query line: a partial tree
            o = new OpenQuery(new ResolutionTree(null, serial, false), "?");
            created(o);
        }
        if (block != null) {
            if (block.owner == o || (block.owner == null && end instanceof Sent)) {
                Block b = block;
                block = null;
                apply(b, o, List.of(), end);
            } else if (end instanceof Sent) {
                closeBlock(null); // not possible in dnscache's loop; keep the lines anyway
            }
        }
        complete(o, end);
    }

    /**
     * Attributes and applies the open block. {@code tx} is its terminating line or null when it is
     * cut short. Returns the owner.
     */
    private OpenQuery closeBlock(DnscacheEntry tx) {
        if (block == null) {
            return null;
        }
        Block b = block;
        block = null;
        if (b.owner != null) {
            apply(b, b.owner, List.of(), tx);
            return b.owner;
        }
        List<OpenQuery> fits = new ArrayList<>(2);
        for (OpenQuery o : open.values()) {
            if (o.pending != null && consistent(o, b, tx)) {
                fits.add(o);
            }
        }
        if (fits.isEmpty()) {
            unattributed.addAll(b.lines);
            return null;
        }
        OpenQuery chosen = fits.get(0);
        List<Long> others = new ArrayList<>(fits.size() - 1);
        for (int i = 1; i < fits.size(); i++) {
            others.add(fits.get(i).tree.serial());
        }
        apply(b, chosen, others.isEmpty() ? List.of() : List.copyOf(others), tx);
        return chosen;
    }

    /** A merge on its own: a retry to the next server joined a query already in flight. */
    private void merge(Merge m, OpenQuery txOwner) {
        if (txOwner != null && txOwner.pending != null && sameLookup(txOwner.pending, m)) {
            txOwner.pendingStep.add(
                    ResolutionStep.of(m, txOwner.pending.gluelessness(), List.of()));
            return;
        }
        List<OpenQuery> fits = new ArrayList<>(2);
        for (OpenQuery o : open.values()) {
            if (o.pending != null
                    && sameLookup(o.pending, m)
                    && o.pending.servers().contains(m.server())) {
                fits.add(o);
            }
        }
        if (fits.isEmpty()) {
            unattributed.add(m);
            return;
        }
        List<Long> others = new ArrayList<>();
        for (int i = 1; i < fits.size(); i++) {
            others.add(fits.get(i).tree.serial());
        }
        OpenQuery o = fits.get(0);
        o.pendingStep.add(ResolutionStep.of(m, o.pending.gluelessness(), List.copyOf(others)));
        if (!others.isEmpty()) {
            o.tree.noteAmbiguous();
        }
    }

    private static boolean sameLookup(Tx t, Merge m) {
        return t.type() == m.type() && t.name().equals(m.name());
    }

    // --- attribution ----------------------------------------------------------------------------

    /** Could {@code o}, waiting for an answer to its last tx, have produced this block? */
    private static boolean consistent(OpenQuery o, Block b, DnscacheEntry terminator) {
        Tx t = o.pending;
        boolean responses = false;
        boolean related = false;
        Set<String> aliases = Set.of(); // CNAME targets seen in the block; rarely any
        List<DnscacheEntry> lines = b.lines;
        for (int i = 0, count = lines.size(); i < count; i++) {
            DnscacheEntry e = lines.get(i);
            if (e == terminator) {
                break;
            }
            String server = Entries.server(e);
            if (server != null && !(e instanceof Merge)) {
                responses = true;
                if (!t.servers().contains(server)) {
                    return false;
                }
            }
            if (e instanceof RrCname || e instanceof CachedCname) {
                if (aliases.isEmpty()) {
                    aliases = new HashSet<>();
                }
                aliases.add(e instanceof RrCname c ? c.cname() : ((CachedCname) e).cname());
            }
            if (e instanceof Servfail s) {
                responses = true;
                if (!s.name().equals(t.name())) {
                    return false;
                }
                related = true;
            } else if (e instanceof Nodata n) {
                related |= n.name().equals(t.name()) && n.type() == t.type();
            } else if (e instanceof Nxdomain n) {
                related |= n.name().equals(t.name());
            } else if (e instanceof Lame l) {
                related |= l.control().equals(t.control());
            } else if (e instanceof RrEntry r) {
                related |= within(t.name(), r.name());
            }
        }
        if (responses && !related) {
            return false;
        }
        if (terminator instanceof Tx next) {
            int g = next.gluelessness();
            if (g == t.gluelessness() + 1) {
                return true; // a glueless detour for a server of this lookup
            }
            if (g > t.gluelessness()) {
                return false;
            }
            return next.name().equals(o.name(g)) || aliases.contains(next.name());
        }
        return true;
    }

    /** True when {@code name} equals {@code zone} or lies below it. */
    private static boolean within(String name, String zone) {
        if (zone.equals(".")) {
            return true;
        }
        return name.equals(zone)
                || (name.endsWith(zone) && name.charAt(name.length() - zone.length() - 1) == '.');
    }

    // --- applying steps -------------------------------------------------------------------------

    private void apply(Block b, OpenQuery o, List<Long> others, DnscacheEntry terminator) {
        ResolutionTree tree = o.tree;
        int contLevel = 0;
        if (terminator instanceof Tx t) {
            contLevel = t.gluelessness();
        } else if (terminator == null && o.pending != null) {
            contLevel = o.pending.gluelessness();
        }
        List<DnscacheEntry> lines = b.lines;
        for (int i = 0, count = lines.size(); i < count; i++) {
            DnscacheEntry e = lines.get(i);
            if (!others.isEmpty()) {
                tree.noteAmbiguous();
            }
            if (e instanceof Tx t) {
                OpenQuery.enterLevel(o, t.gluelessness(), t.name(), others);
                ResolutionStep step = ResolutionStep.of(e, t.gluelessness(), others);
                OpenQuery.add(o, t.gluelessness(), step);
                o.setName(t.gluelessness(), t.name());
                o.pending = t;
                o.pendingStep = step;
                tree.noteGluelessness(t.gluelessness());
            } else if (isResponse(e) && o.pending != null) {
                int g = o.pending.gluelessness();
                ResolutionStep step = ResolutionStep.of(e, g, others);
                o.pendingStep.add(step);
                OpenQuery.response(o, g, e, step);
            } else if (e instanceof Merge m && o.pendingStep != null) {
                o.pendingStep.add(ResolutionStep.of(m, o.pending.gluelessness(), others));
            } else {
                int g = isResponse(e) ? 0 : contLevel;
                String lookupName = g > 0 && terminator instanceof Tx t ? t.name() : null;
                OpenQuery.enterLevel(o, g, lookupName, others);
                ResolutionStep step = ResolutionStep.of(e, g, others);
                OpenQuery.add(o, g, step);
                OpenQuery.continuation(o, g, e, step);
            }
        }
    }

    private static boolean isResponse(DnscacheEntry e) {
        return e instanceof RrEntry
                || e instanceof Nodata
                || e instanceof Nxdomain
                || e instanceof Lame
                || e instanceof Servfail;
    }

    // --- endings --------------------------------------------------------------------------------

    private void created(OpenQuery o) {
        if (inQueryOrder == null) {
            trees.add(o.tree);
        } else {
            waiting.add(o);
        }
    }

    /** Marks {@code o} done and hands on every tree at the head of the query order that is. */
    private void done(OpenQuery o) {
        o.done = true;
        onComplete.accept(o.tree);
        if (inQueryOrder != null) {
            while (!waiting.isEmpty() && waiting.peekFirst().done) {
                inQueryOrder.accept(waiting.pollFirst().tree);
            }
        }
    }

    private void complete(OpenQuery o, DnscacheEntry end) {
        ResolutionTree t = o.tree;
        if (end instanceof Drop d) {
            t.finish(Outcome.DROPPED, -1, d.reason(), d.time(), d.line(), false);
        } else if (end instanceof Sent s) {
            int bare = t.isPartial() ? -1 : 16 + wireLength(t.name());
            boolean empty = s.length() == bare;
            Outcome out;
            boolean hit = false;
            if (o.last == null) {
                out = empty ? Outcome.SERVFAIL : Outcome.ANSWERED;
            } else {
                switch (o.last) {
                    case ANSWER -> out = empty && !t.isTcp() ? Outcome.TRUNCATED : Outcome.ANSWERED;
                    case CACHED -> {
                        hit = true;
                        out = empty ? Outcome.NODATA : Outcome.CACHED;
                    }
                    case CACHED_NXDOMAIN -> {
                        hit = true;
                        out = Outcome.NXDOMAIN;
                    }
                    case NXDOMAIN -> out = Outcome.NXDOMAIN;
                    case NODATA -> out = Outcome.NODATA;
                    default -> out = Outcome.SERVFAIL;
                }
            }
            t.finish(out, s.length(), null, s.time(), s.line(), hit);
        }
        done(o);
    }

    private void abandon(OpenQuery o) {
        o.tree.unfinished();
        done(o);
    }

    /** Bytes of a logged name in wire format: each label plus its length byte, plus the root. */
    static int wireLength(String name) {
        return name.equals(".") ? 1 : name.length() + 1;
    }

    /** Queries still waiting for {@code sent} or {@code drop}. */
    public int openCount() {
        return open.size();
    }
}
