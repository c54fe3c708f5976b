package dev.logsentry.core.dnscache;

import dev.logsentry.core.dnscache.DnscacheEntry.*;
import java.util.ArrayList;
import java.util.List;

/**
 * A client query being resolved by {@link ResolutionTreeBuilder}: its tree, the name asked at each
 * gluelessness level, the open glueless lookups, and what the steps applied so far say about its
 * outcome. The static helpers apply one step to it.
 */
final class OpenQuery {
    final ResolutionTree tree;
    final List<String> names = new ArrayList<>(4); // current name per gluelessness level
    final List<ResolutionStep> lookups = new ArrayList<>(4); // open lookup nodes, level 1..n
    Tx pending;
    ResolutionStep pendingStep;
    Event last;
    boolean done; // sent, dropped or abandoned: nothing more is added to the tree

    OpenQuery(ResolutionTree tree, String name) {
        this.tree = tree;
        names.add(name);
    }

    String name(int level) {
        return level < names.size() ? names.get(level) : null;
    }

    void setName(int level, String name) {
        while (names.size() <= level) {
            names.add(null);
        }
        names.set(level, name);
    }

    enum Event {
        ANSWER,
        CACHED,
        CACHED_NXDOMAIN,
        NXDOMAIN,
        NODATA,
        LAME,
        SERVFAIL
    }

    /** A server's answer line at level {@code g}: CNAME restarts and the level-0 verdict. */
    static void response(OpenQuery o, int g, DnscacheEntry e, ResolutionStep step) {
        String current = o.name(g);
        if (e instanceof Servfail) {
            o.last = Event.SERVFAIL; // dnscache gives up the whole query
            return;
        }
        if (e instanceof RrCname c && c.name().equals(current)) {
            step.markRestart();
            o.setName(g, c.cname());
            return;
        }
        if (g != 0) {
            return;
        }
        int qtype = o.tree.type();
        if (e instanceof Nodata n && n.name().equals(current)) {
            o.last = Event.NODATA;
        } else if (e instanceof Nxdomain n && n.name().equals(current)) {
            o.last = Event.NXDOMAIN;
        } else if (e instanceof Lame) {
            o.last = Event.LAME;
        } else if (e instanceof RrEntry r
                && r.name().equals(current)
                && (r.type() == qtype || qtype == DnsTypes.ANY)) {
            o.last = Event.ANSWER;
        }
    }

    /** A cache line at level {@code g}. */
    static void continuation(OpenQuery o, int g, DnscacheEntry e, ResolutionStep step) {
        String current = o.name(g);
        if (e instanceof CachedCname c && c.name().equals(current)) {
            step.markRestart();
            o.setName(g, c.cname());
            return;
        }
        if (g != 0) {
            return;
        }
        int qtype = o.tree.type();
        if (e instanceof Cached c
                && c.name().equals(current)
                && (c.type() == qtype || qtype == DnsTypes.ANY)) {
            o.last = Event.CACHED;
        } else if (e instanceof CachedNxdomain c && c.name().equals(current)) {
            o.last = Event.CACHED_NXDOMAIN;
        }
    }

    /**
     * Opens or closes glueless lookup nodes so that steps of level {@code g} go to the right one.
     */
    static void enterLevel(OpenQuery o, int g, String name, List<Long> others) {
        while (o.lookups.size() > g) {
            o.lookups.remove(o.lookups.size() - 1);
        }
        if (g > 0 && o.lookups.size() == g && name != null) {
            ResolutionStep top = o.lookups.get(g - 1);
            String current = o.name(g);
            if (!top.name().equals(name) && !name.equals(current)) {
                o.lookups.remove(g - 1); // a different server name's lookup at the same level
            }
        }
        while (o.lookups.size() < g) {
            int level = o.lookups.size() + 1;
            String n = level == g && name != null ? name : "?";
            ResolutionStep lookup = ResolutionStep.lookup(n, level, others);
            add(o, level - 1, lookup);
            o.lookups.add(lookup);
            o.setName(level, n);
        }
    }

    static void add(OpenQuery o, int g, ResolutionStep step) {
        if (g == 0 || o.lookups.isEmpty()) {
            o.tree.addTopLevel(step);
        } else {
            o.lookups.get(Math.min(g, o.lookups.size()) - 1).add(step);
        }
    }
}
