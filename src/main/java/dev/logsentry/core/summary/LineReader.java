package dev.logsentry.core.summary;

import dev.logsentry.core.source.SyslogHeaderBytes;
import dev.logsentry.core.source.SyslogLine;
import dev.logsentry.core.time.SyslogTime;
import dev.logsentry.core.time.Tai64n;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One reader's view of one input (or one byte range of it): parses lines, applies the range,
 * dispatches to the services that claim each line, counts per host. Lines of plain files come as
 * bytes: the common syslog header is read without decoding ({@link SyslogHeaderBytes}), the program
 * tag is looked up in a table of the tags seen, and only the message of a claimed line is decoded;
 * every other line is decoded and goes through {@link SyslogLine.Parser}, so both paths count
 * alike.
 */
final class LineReader {
    final int source;
    final SyslogLine.Parser parser;
    final String multilogProgram;
    final Map<String, HostCounts> hosts = new HashMap<>();
    final Map<String, int[]> byProgram = new HashMap<>();
    final int[] byMessage;
    long count;
    boolean javaOnly; // the reference path: every rule by java.util.regex
    private String lastHost;
    private HostCounts lastCounts;

    private final List<PatternService> patterns;
    private final DnscacheService dnscache;
    private final DnscacheOrder dnsOrder;
    private final int part;
    private final Summarizer.Options options;
    private final SyslogHeaderBytes header;
    private final TagTable tags;
    private byte[] lineBytes;
    private int lineOff;
    private int lineLen;
    private final Supplier<String> lineText =
            () -> new String(lineBytes, lineOff, lineLen, StandardCharsets.UTF_8);

    LineReader(
            List<PatternService> patterns,
            DnscacheService dnscache,
            Summarizer.Options options,
            int source,
            Instant reference,
            String multilogProgram,
            DnscacheOrder dnsOrder,
            int part,
            TagTable tags) {
        this.patterns = patterns;
        this.tags = tags;
        this.dnscache = dnscache;
        this.dnsOrder = dnsOrder;
        this.part = part;
        this.options = options;
        this.source = source;
        this.parser = new SyslogLine.Parser(reference, options.zone());
        this.header =
                multilogProgram == null
                        ? new SyslogHeaderBytes(new SyslogTime(reference, options.zone()))
                        : null;
        this.multilogProgram = multilogProgram;
        List<Integer> m = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).hasMessageClaim()) {
                m.add(i);
            }
        }
        byMessage = m.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The reader's part is read ({@code lines} lines): its held dnscache lines may go on. */
    void finished(long lines) {
        dnsOrder.finished(part, lines);
    }

    /**
     * One line as bytes ({@code b[off, off+len)}, valid only during the call); {@code plain}: known
     * to be ASCII without {@code \r} (then its message is not checked again).
     */
    void bytes(byte[] b, int off, int len, long lineNo, boolean plain) {
        long time;
        if (header == null
                || !header.read(b, off, len)
                || (time = header.epochSecond()) == SyslogHeaderBytes.NO_TIME) {
            line(new String(b, off, len, StandardCharsets.UTF_8), lineNo);
            return;
        }
        if (!options.range().all() && !options.range().contains(Instant.ofEpochSecond(time))) {
            return;
        }
        TagTable.Claim claim = tags.get(b, header.tagStart(), header.tagEnd());
        if (claim == null) {
            claim = newTag(b, header.tagStart(), header.tagEnd());
        }
        if (claim.decode()) {
            line(new String(b, off, len, StandardCharsets.UTF_8), lineNo);
            return;
        }
        HostCounts c = counts(options.splitHosts() ? header.host() : null);
        c.inRange++;
        int ms = header.messageStart();
        int end = header.end();
        boolean wanted = claim.services().length > 0;
        for (int i = 0; !wanted && i < claim.byMessage().length; i++) {
            wanted = startsWith(b, ms, end, patterns.get(claim.byMessage()[i]).messagePrefix());
        }
        if (!wanted) {
            return;
        }
        lineBytes = b;
        lineOff = off;
        lineLen = len;
        for (int i : claim.services()) {
            if (i < 0) {
                dnsOrder.add(
                        part,
                        lastHost,
                        DnscacheService.labelled(Instant.ofEpochSecond(time), header.message()),
                        lineNo);
            } else {
                c.services[i].accept(b, ms, end, plain, lineText, source, lineNo);
            }
        }
        for (int i : claim.byMessage()) {
            if (patterns.get(i).claimsMessage(b, ms, end)) {
                c.services[i].accept(b, ms, end, plain, lineText, source, lineNo);
            }
        }
        lineBytes = null;
    }

    /** Works out who claims a tag not in the table yet, and adds it. */
    private TagTable.Claim newTag(byte[] b, int from, int to) {
        String program = new String(b, from, to - from, StandardCharsets.US_ASCII);
        if (LegacyPam.isTag(program)) {
            return tags.put(b, from, to, new TagTable.Claim(new int[0], new int[0], true));
        }
        return tags.put(
                b,
                from,
                to,
                new TagTable.Claim(claimsOf(program), messageClaimsOf(program), false));
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (prefix == null) {
            return true; // no literal prefix known: decode and ask the claim
        }
        if (to - from < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[from + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** The services with a message claim whose program claim accepts {@code program}. */
    private int[] messageClaimsOf(String program) {
        List<Integer> out = new ArrayList<>();
        for (int i : byMessage) {
            if (patterns.get(i).claimsProgram(program)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    void line(String text, long lineNo) {
        Instant time;
        String host;
        String program;
        String message;
        if (multilogProgram != null) {
            time = text.startsWith("@") ? Tai64n.parseAt(text, 0) : null;
            message =
                    time == null
                            ? text
                            : text.substring(Math.min(text.length(), Tai64n.LABEL_LENGTH + 1));
            host = null;
            program = multilogProgram;
        } else {
            SyslogLine s = parser.parse(text);
            time = s.time();
            host = s.host();
            program = s.program();
            message = s.message();
            if (program != null && !Summarizer.taggedLine(text, message)) {
                // "tag:" must end with ": " before the message; dpkg.log's
                // "2026-12-04 19:04:28 install cron:amd64 ..." names a package, not a program
                program = null;
            }
            if (LegacyPam.isTag(program)) {
                message = LegacyPam.message(program, message);
                program = LegacyPam.program(program);
            }
        }
        if (!options.range().contains(time)) {
            return;
        }
        HostCounts c = counts(host);
        c.inRange++;
        if (program != null) {
            int[] claim = byProgram.get(program);
            if (claim == null) {
                claim = claimsOf(program);
                byProgram.put(program, claim);
            }
            for (int i : claim) {
                if (i < 0) {
                    dnsOrder.add(
                            part,
                            lastHost,
                            multilogProgram != null
                                    ? text
                                    : DnscacheService.labelled(time, message),
                            lineNo);
                } else {
                    c.services[i].accept(message, text, source, lineNo);
                }
            }
        }
        for (int i : byMessage) {
            PatternService p = patterns.get(i);
            if (p.claimsProgram(program) && p.claimsMessage(message)) {
                c.services[i].accept(message, text, source, lineNo);
            }
        }
    }

    private HostCounts counts(String host) {
        String key = options.splitHosts() ? (host == null ? "(no host)" : host) : "";
        if (lastCounts != null && key.equals(lastHost)) {
            return lastCounts;
        }
        HostCounts c =
                hosts.computeIfAbsent(
                        key, k -> new HostCounts(patterns, options.trackLines(), javaOnly));
        lastHost = key;
        lastCounts = c;
        return c;
    }

    /** Pattern services without a message condition that claim the program; -1 = dnscache. */
    private int[] claimsOf(String program) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            PatternService p = patterns.get(i);
            if (!p.hasMessageClaim() && p.claimsProgram(program)) {
                out.add(i);
            }
        }
        if (dnscache != null
                && dnscache.definition().claim() != null
                && program.matches(dnscache.definition().claim().program())) {
            out.add(-1);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
