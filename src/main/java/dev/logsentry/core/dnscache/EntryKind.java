package dev.logsentry.core.dnscache;

import java.util.Map;

/**
 * The entry types of a dnscache log by their keyword, for counting and display. {@link #UNPARSED}
 * stands for lines that are not entries.
 */
public enum EntryKind {
    STARTING("starting", DnscacheEntry.Starting.class),
    QUERY("query", DnscacheEntry.Query.class),
    SENT("sent", DnscacheEntry.Sent.class),
    DROP("drop", DnscacheEntry.Drop.class),
    TCPOPEN("tcpopen", DnscacheEntry.TcpOpen.class),
    TCPCLOSE("tcpclose", DnscacheEntry.TcpClose.class),
    TX("tx", DnscacheEntry.Tx.class),
    MERGE("merge", DnscacheEntry.Merge.class),
    CACHED("cached", DnscacheEntry.Cached.class),
    CACHED_CNAME("cached cname", DnscacheEntry.CachedCname.class),
    CACHED_NS("cached ns", DnscacheEntry.CachedNs.class),
    CACHED_NXDOMAIN("cached nxdomain", DnscacheEntry.CachedNxdomain.class),
    NODATA("nodata", DnscacheEntry.Nodata.class),
    NXDOMAIN("nxdomain", DnscacheEntry.Nxdomain.class),
    LAME("lame", DnscacheEntry.Lame.class),
    SERVFAIL("servfail", DnscacheEntry.Servfail.class),
    STATS("stats", DnscacheEntry.Stats.class),
    RR("rr", DnscacheEntry.Rr.class),
    RR_CNAME("rr cname", DnscacheEntry.RrCname.class),
    RR_NS("rr ns", DnscacheEntry.RrNs.class),
    RR_PTR("rr ptr", DnscacheEntry.RrPtr.class),
    RR_MX("rr mx", DnscacheEntry.RrMx.class),
    RR_SOA("rr soa", DnscacheEntry.RrSoa.class),
    UNPARSED("unparsed", DnscacheEntry.Unparsed.class);

    private static final Map<Class<?>, EntryKind> BY_CLASS = byClass();

    private final String keyword;
    private final Class<? extends DnscacheEntry> type;

    EntryKind(String keyword, Class<? extends DnscacheEntry> type) {
        this.keyword = keyword;
        this.type = type;
    }

    /** The keyword(s) as dnscache writes them, e.g. {@code "rr mx"}; JSON uses these names. */
    public String keyword() {
        return keyword;
    }

    public Class<? extends DnscacheEntry> type() {
        return type;
    }

    public static EntryKind of(DnscacheEntry entry) {
        return BY_CLASS.get(entry.getClass());
    }

    private static Map<Class<?>, EntryKind> byClass() {
        Map<Class<?>, EntryKind> m = new java.util.HashMap<>();
        for (EntryKind k : values()) {
            m.put(k.type, k);
        }
        return Map.copyOf(m);
    }
}
