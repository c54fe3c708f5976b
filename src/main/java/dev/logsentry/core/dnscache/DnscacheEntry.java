package dev.logsentry.core.dnscache;

import java.time.Instant;
import java.util.List;

/**
 * One decoded line of a djbdns dnscache log, one record per entry type that dnscache 1.05 (Debian
 * build, with the MERGEQUERIES patch) writes. Field meanings follow Rob Mayoff's notes, corrected
 * where the real program differs (see {@link Lame} and {@link RrSoa}).
 *
 * <p>Every entry carries its 1-based line number in its file and the multilog TAI64N time, which is
 * {@code null} for unlabelled logs. Addresses are decoded (dotted quad, or RFC 5952 text for the
 * 32-digit IPv6 form of patched builds), ports and ids are numbers, record types stay numbers (see
 * {@link DnsTypes#mnemonic}), names are kept exactly as logged: lower case, ending in {@code .},
 * {@code .} for the root and {@code ?} for each unprintable byte.
 */
public sealed interface DnscacheEntry {

    /** Line number (1-based) within the file the entry came from. */
    long line();

    /** The TAI64N label's time, or {@code null} when the line had none. */
    Instant time();

    /** The keyword of this entry type as dnscache writes it, e.g. {@code "cached ns"}. */
    default String kind() {
        return EntryKind.of(this).keyword();
    }

    /** {@code starting}: dnscache (re)started; every query still open is abandoned. */
    record Starting(long line, Instant time) implements DnscacheEntry {}

    /** {@code query serial ip:port:id type name}: a client question. */
    record Query(
            long line,
            Instant time,
            long serial,
            String client,
            int port,
            int id,
            int type,
            String name)
            implements DnscacheEntry {}

    /**
     * {@code sent serial length}: the response for a client question was built (and sent on UDP).
     */
    record Sent(long line, Instant time, long serial, int length) implements DnscacheEntry {}

    /** {@code drop serial error}: dnscache gave up on a client question (e.g. "timed out"). */
    record Drop(long line, Instant time, long serial, String reason) implements DnscacheEntry {}

    /** {@code tcpopen ip:port}: a client opened a TCP connection. */
    record TcpOpen(long line, Instant time, String client, int port) implements DnscacheEntry {}

    /** {@code tcpclose ip:port error}: a client TCP connection closed, with the last error. */
    record TcpClose(long line, Instant time, String client, int port, String reason)
            implements DnscacheEntry {}

    /**
     * {@code tx gluelessness type name control server...}: a query sent to the first of {@code
     * servers} (the others are tried in order when it does not answer).
     */
    record Tx(
            long line,
            Instant time,
            int gluelessness,
            int type,
            String name,
            String control,
            List<String> servers)
            implements DnscacheEntry {}

    /**
     * {@code merge server type name} (Debian's MERGEQUERIES patch): an outgoing query identical to
     * one already in flight to {@code server} was not sent again but merged with it.
     */
    record Merge(long line, Instant time, String server, int type, String name)
            implements DnscacheEntry {}

    /** {@code cached type name}: records of {@code type} for {@code name} came from the cache. */
    record Cached(long line, Instant time, int type, String name) implements DnscacheEntry {}

    /** {@code cached cname name cname}: a cached alias; the lookup restarts at {@code cname}. */
    record CachedCname(long line, Instant time, String name, String cname)
            implements DnscacheEntry {}

    /** {@code cached ns control server}: one cached name server for the zone {@code control}. */
    record CachedNs(long line, Instant time, String control, String server)
            implements DnscacheEntry {}

    /** {@code cached nxdomain name}: a cached negative answer. */
    record CachedNxdomain(long line, Instant time, String name) implements DnscacheEntry {}

    /** {@code nodata server ttl type name}: the server has {@code name} but no such records. */
    record Nodata(long line, Instant time, String server, long ttl, int type, String name)
            implements DnscacheEntry {}

    /** {@code nxdomain server ttl name}: the server says {@code name} does not exist. */
    record Nxdomain(long line, Instant time, String server, long ttl, String name)
            implements DnscacheEntry {}

    /**
     * {@code lame server control referral}: the server should be authoritative for {@code control}
     * but answered with a referral to {@code referral} (the same zone or one not below it). The
     * format notes call these fields "name control"; dnscache 1.05 writes control then referral.
     */
    record Lame(long line, Instant time, String server, String control, String referral)
            implements DnscacheEntry {}

    /** {@code servfail name error}: every server failed; the client gets SERVFAIL. */
    record Servfail(long line, Instant time, String name, String reason) implements DnscacheEntry {}

    /**
     * {@code stats queries motion udp-active tcp-active}: counters since start / at this moment.
     */
    record Stats(
            long line, Instant time, long queries, long cacheMotion, int udpActive, int tcpActive)
            implements DnscacheEntry {}

    /** A resource record received from a server: all {@code rr} entry types. */
    sealed interface RrEntry extends DnscacheEntry {
        String server();

        long ttl();

        /** The record type number (1 for A, 5 for CNAME, ...). */
        int type();

        String name();
    }

    /**
     * {@code rr server ttl type name hexdata}: a record of a type dnscache has no special format
     * for, with its data in hex. dnscache writes at most 32 bytes and then {@code ...}: {@code
     * truncated} is then true. {@link RrData#decode} turns the hex into text where the type is
     * known.
     */
    record Rr(
            long line,
            Instant time,
            String server,
            long ttl,
            int type,
            String name,
            String hex,
            boolean truncated)
            implements RrEntry {
        /** The data as presentation text (e.g. {@code "hello world"}, {@code 2001:db8::1}). */
        public String decoded() {
            return RrData.decode(type, hex, truncated);
        }
    }

    /** {@code rr server ttl cname name cname}. */
    record RrCname(long line, Instant time, String server, long ttl, String name, String cname)
            implements RrEntry {
        @Override
        public int type() {
            return DnsTypes.CNAME;
        }
    }

    /**
     * {@code rr server ttl ns name server}: {@code server} is a name server for zone {@code name}.
     */
    record RrNs(long line, Instant time, String server, long ttl, String name, String nameServer)
            implements RrEntry {
        @Override
        public int type() {
            return DnsTypes.NS;
        }
    }

    /** {@code rr server ttl ptr name target}. */
    record RrPtr(long line, Instant time, String server, long ttl, String name, String target)
            implements RrEntry {
        @Override
        public int type() {
            return DnsTypes.PTR;
        }
    }

    /** {@code rr server ttl mx name preference exchanger}. */
    record RrMx(
            long line,
            Instant time,
            String server,
            long ttl,
            String name,
            int preference,
            String exchanger)
            implements RrEntry {
        @Override
        public int type() {
            return DnsTypes.MX;
        }
    }

    /**
     * {@code rr server ttl soa name mname rname serial refresh retry expire minimum}. The format
     * notes omit {@code name}; dnscache 1.05 writes it.
     */
    record RrSoa(
            long line,
            Instant time,
            String server,
            long ttl,
            String name,
            String mname,
            String rname,
            long serial,
            long refresh,
            long retry,
            long expire,
            long minimum)
            implements RrEntry {
        @Override
        public int type() {
            return DnsTypes.SOA;
        }
    }

    /**
     * A line that is not a dnscache entry (or a damaged one): kept whole with the reason, so that
     * nothing is lost and the count can be reported.
     */
    record Unparsed(long line, Instant time, String source, String text, String reason)
            implements DnscacheEntry {}
}
