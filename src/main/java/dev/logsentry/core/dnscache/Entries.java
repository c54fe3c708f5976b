package dev.logsentry.core.dnscache;

import dev.logsentry.core.dnscache.DnscacheEntry.*;

/** Field access that cuts across entry types (the name an entry is about, the server it names). */
public final class Entries {
    private Entries() {}

    /** The domain name the entry is about, or {@code null} (stats, sent, tcp lines, ...). */
    public static String name(DnscacheEntry e) {
        if (e instanceof RrEntry r) {
            return r.name();
        }
        if (e instanceof Tx t) {
            return t.name();
        }
        if (e instanceof Query q) {
            return q.name();
        }
        if (e instanceof Cached c) {
            return c.name();
        }
        if (e instanceof CachedCname c) {
            return c.name();
        }
        if (e instanceof CachedNs c) {
            return c.control();
        }
        if (e instanceof CachedNxdomain c) {
            return c.name();
        }
        if (e instanceof Nodata n) {
            return n.name();
        }
        if (e instanceof Nxdomain n) {
            return n.name();
        }
        if (e instanceof Lame l) {
            return l.control();
        }
        if (e instanceof Servfail s) {
            return s.name();
        }
        if (e instanceof Merge m) {
            return m.name();
        }
        return null;
    }

    /** The responding or merged-into server address, or {@code null}. */
    public static String server(DnscacheEntry e) {
        if (e instanceof RrEntry r) {
            return r.server();
        }
        if (e instanceof Nodata n) {
            return n.server();
        }
        if (e instanceof Nxdomain n) {
            return n.server();
        }
        if (e instanceof Lame l) {
            return l.server();
        }
        if (e instanceof Merge m) {
            return m.server();
        }
        return null;
    }

    /**
     * A one-line description of the entry's fields after its name, for tree views and text output,
     * e.g. {@code "A 192.0.2.1 ttl 86400 from 127.53.1.1"}.
     */
    public static String detail(DnscacheEntry e) {
        if (e instanceof Tx t) {
            return DnsTypes.mnemonic(t.type())
                    + " to "
                    + String.join(" ", t.servers())
                    + " (zone "
                    + t.control()
                    + ")";
        }
        if (e instanceof Rr r) {
            String d = r.decoded();
            return DnsTypes.mnemonic(r.type())
                    + " "
                    + (d != null ? d : r.hex() + (r.truncated() ? "..." : ""))
                    + " ttl "
                    + r.ttl()
                    + " from "
                    + r.server();
        }
        if (e instanceof RrCname r) {
            return "CNAME " + r.cname() + " ttl " + r.ttl() + " from " + r.server();
        }
        if (e instanceof RrNs r) {
            return "NS " + r.nameServer() + " ttl " + r.ttl() + " from " + r.server();
        }
        if (e instanceof RrPtr r) {
            return "PTR " + r.target() + " ttl " + r.ttl() + " from " + r.server();
        }
        if (e instanceof RrMx r) {
            return "MX "
                    + r.preference()
                    + " "
                    + r.exchanger()
                    + " ttl "
                    + r.ttl()
                    + " from "
                    + r.server();
        }
        if (e instanceof RrSoa r) {
            return "SOA "
                    + r.mname()
                    + " "
                    + r.rname()
                    + " "
                    + r.serial()
                    + " ttl "
                    + r.ttl()
                    + " from "
                    + r.server();
        }
        if (e instanceof Cached c) {
            return DnsTypes.mnemonic(c.type()) + " from cache";
        }
        if (e instanceof CachedCname c) {
            return "CNAME " + c.cname() + " from cache";
        }
        if (e instanceof CachedNs c) {
            return "NS " + c.server() + " from cache";
        }
        if (e instanceof CachedNxdomain c) {
            return "NXDOMAIN from cache";
        }
        if (e instanceof Nodata n) {
            return "no "
                    + DnsTypes.mnemonic(n.type())
                    + " records (ttl "
                    + n.ttl()
                    + ") from "
                    + n.server();
        }
        if (e instanceof Nxdomain n) {
            return "NXDOMAIN (ttl " + n.ttl() + ") from " + n.server();
        }
        if (e instanceof Lame l) {
            return "lame server " + l.server() + " referred to " + l.referral();
        }
        if (e instanceof Servfail s) {
            return "SERVFAIL: " + s.reason();
        }
        if (e instanceof Merge m) {
            return DnsTypes.mnemonic(m.type())
                    + " merged with the query in flight to "
                    + m.server();
        }
        return "";
    }
}
