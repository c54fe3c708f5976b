package dev.logsentry.core.summary;

import dev.logsentry.core.dnscache.DnscacheDetector;
import dev.logsentry.core.index.GzipFile;
import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.source.JournalSource;
import dev.logsentry.core.source.MultilogDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Runs the summary: reads the inputs, keeps the lines inside the range, hands each line to the
 * services that claim it (by program tag, or by message for services like pam_unix) and builds one
 * {@link Summary} per host, or one for all. Large plain files are read by several threads at once;
 * when line references are kept (the workbench) everything is read in order on one thread.
 */
public final class Summarizer {

    /**
     * How to run.
     *
     * @param range which lines count
     * @param detail how much the digest shows (recorded in the summary)
     * @param splitHosts one summary per host ({@code --hostformat split})
     * @param trackLines keep the lines behind every number (for links)
     * @param zone the time zone of RFC 3164 dates
     * @param threads readers for large files
     */
    public record Options(
            DateRange range,
            Detail detail,
            boolean splitHosts,
            boolean trackLines,
            ZoneId zone,
            int threads) {}

    private final List<PatternService> patterns = new ArrayList<>();
    private final List<String> patternNames = new ArrayList<>();
    private final DnscacheService dnscache;
    private final Map<String, DnscacheService.Stream> dnsStreams = new TreeMap<>();
    private final Options options;
    private final Clock clock;
    private boolean referencePath;
    private FileParts parts; // plain files queued in parts for this run, or null
    private final TagTable tags = new TagTable(); // shared by all readers: claims depend on the tag

    /**
     * @param services the services to run (already chosen by {@code --service})
     */
    public Summarizer(List<ServiceLoader.LoadedService> services, Options options, Clock clock) {
        DnscacheService dns = null;
        for (ServiceLoader.LoadedService s : services) {
            if (s.definition().usesDnscache()) {
                dns = new DnscacheService(s.definition());
            } else {
                patterns.add(s.compiled());
                patternNames.add(s.definition().name());
            }
        }
        this.dnscache = dns;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Reads plain files the slow way, for tests: one thread, every line decoded and parsed by
     * {@link dev.logsentry.core.source.SyslogLine.Parser}; the byte path must count the same.
     */
    Summarizer referencePath() {
        referencePath = true;
        return this;
    }

    /** Reads every input and returns one summary per host (one in all unless split). */
    public List<Summary> run(List<SummaryInput> inputs, BooleanSupplier cancelled) {
        dnsStreams.clear();
        List<String> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, HostCounts> hosts = new TreeMap<>();
        long[] read = new long[1];
        int threads = Math.max(1, options.threads());
        parts =
                referencePath || options.trackLines() || dnscache != null || threads == 1
                        ? null
                        : FileParts.start(
                                inputs,
                                threads,
                                (source, f, ref, fixed, plan, part) ->
                                        readPart(source, f, ref, fixed, plan, part, cancelled),
                                (source, n) -> new DnscacheOrder(this::dnsLine, source, n),
                                this::merge);
        try {
            for (SummaryInput in : inputs) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                int source = sources.size();
                sources.add(in.name());
                try {
                    read[0] += read(in, source, hosts, cancelled);
                } catch (IOException e) {
                    warnings.add(in.name() + ": " + e.getMessage() + " (the rest was summarised)");
                }
            }
        } finally {
            if (parts != null) {
                parts.close();
                parts = null;
            }
        }
        List<Summary> out = new ArrayList<>();
        if (hosts.isEmpty()) {
            hosts.put("", new HostCounts(patterns, options.trackLines()));
        }
        for (Map.Entry<String, HostCounts> e : hosts.entrySet()) {
            out.add(summary(e.getKey(), e.getValue(), sources, read[0], warnings));
        }
        return out;
    }

    private Summary summary(
            String host, HostCounts c, List<String> sources, long read, List<String> warnings) {
        Map<String, ServiceSummary> byName = new TreeMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            ServiceSummary s = c.services[i].summary();
            if (!s.isEmpty()) {
                byName.put(s.name(), s);
            }
        }
        DnscacheService.Stream dns = dnsStreams.get(host);
        if (dns != null && dns.lines() > 0) {
            ServiceSummary s = dns.summary();
            byName.put(s.name(), s);
        }
        return new Summary(
                options.splitHosts() ? host : null,
                options.range(),
                options.detail(),
                List.copyOf(sources),
                read,
                c.inRange,
                List.copyOf(byName.values()),
                List.copyOf(warnings),
                clock.instant());
    }

    private long read(
            SummaryInput in, int source, Map<String, HostCounts> hosts, BooleanSupplier cancelled)
            throws IOException {
        if (in instanceof SummaryInput.LogFile f) {
            return readFile(f.path(), source, hosts, cancelled);
        }
        if (in instanceof SummaryInput.Multilog m) {
            return readMultilog(m.dir(), source, hosts, cancelled);
        }
        if (in instanceof SummaryInput.Journal j) {
            return readJournal(j, source, hosts, cancelled);
        }
        SummaryInput.Open o = (SummaryInput.Open) in;
        LineReader r = newReader(source, o.reference(), o.multilog() ? programOf(o) : null);
        long n = o.source().lineCount();
        for (long i = 0; i < n && !cancelled.getAsBoolean(); i++) {
            r.line(o.source().fullLine(i), i + 1);
        }
        merge(hosts, r.hosts, 0);
        r.finished(n);
        return n;
    }

    private String programOf(SummaryInput.Open o) throws IOException {
        List<String> first = new ArrayList<>();
        for (long i = 0; i < Math.min(50, o.source().lineCount()); i++) {
            first.add(o.source().fullLine(i));
        }
        return DnscacheDetector.looksLikeDnscache(first) ? "dnscache" : o.name();
    }

    /** Reads part {@code part} of a plain file queued by {@link FileParts}. */
    private LineReader readPart(
            int source,
            Path f,
            Instant ref,
            String fixed,
            FileParts.Plan plan,
            int part,
            BooleanSupplier cancelled)
            throws IOException {
        long[] range = plan.ranges.get(part);
        LineReader r = newReader(source, ref, fixed, plan.order, part);
        r.count = LineChunks.read(f, range[0], range[1], r::bytes, cancelled);
        plan.order.finished(part, r.count);
        return r;
    }

    private long readFile(
            Path f, int source, Map<String, HostCounts> hosts, BooleanSupplier cancelled)
            throws IOException {
        FileParts.Plan plan = parts == null ? null : parts.plan(source);
        if (plan != null) {
            try {
                plan.await();
            } finally { // what was read before a failure counts, as in one piece
                merge(hosts, plan.merged(), 0);
            }
            return plan.lines();
        }
        Instant ref = LogSet.modified(f);
        if (GzipFile.isGzip(f)) {
            LineReader r = newReader(source, ref, null);
            long n;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
                n = LineChunks.read(in, r::bytes, cancelled);
            }
            merge(hosts, r.hosts, 0);
            r.finished(n);
            return n;
        }
        long size = Files.size(f);
        // A file of bare dnscache lines (a copied multilog file, a plain dnscache log) has no
        // syslog header to claim it by: recognise it by its content, as the workbench does.
        String fixed = dnscacheLines(List.of(f)) ? "dnscache" : null;
        if (referencePath) {
            LineReader r = newReader(source, ref, fixed);
            r.javaOnly = true;
            long n = LineChunks.read(f, 0, Long.MAX_VALUE, r::line, cancelled);
            merge(hosts, r.hosts, 0);
            r.finished(n);
            return n;
        }
        int threads = options.trackLines() ? 1 : Math.max(1, options.threads());
        List<long[]> ranges = LineChunks.ranges(size, threads * 4);
        if (ranges.size() <= 1 || threads == 1) {
            LineReader r = newReader(source, ref, fixed);
            long n = LineChunks.read(f, 0, Long.MAX_VALUE, r::bytes, cancelled);
            merge(hosts, r.hosts, 0);
            r.finished(n);
            return n;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LineReader>> futures = new ArrayList<>();
            DnscacheOrder order = new DnscacheOrder(this::dnsLine, source, ranges.size());
            for (int i = 0; i < ranges.size(); i++) {
                long[] range = ranges.get(i);
                int part = i;
                futures.add(
                        pool.submit(
                                () -> {
                                    LineReader r = newReader(source, ref, fixed, order, part);
                                    r.count =
                                            LineChunks.read(
                                                    f, range[0], range[1], r::bytes, cancelled);
                                    order.finished(part, r.count);
                                    return r;
                                }));
            }
            long lines = 0;
            for (Future<LineReader> p : futures) {
                LineReader r = FileParts.result(p);
                merge(hosts, r.hosts, lines);
                lines += r.count;
            }
            return lines;
        } finally {
            pool.shutdownNow();
        }
    }

    private long readMultilog(
            Path dir, int source, Map<String, HostCounts> hosts, BooleanSupplier cancelled)
            throws IOException {
        List<Path> files;
        try {
            files = MultilogDirectory.list(dir).files();
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
        String program = multilogProgram(dir, files);
        LineReader r = newReader(source, Instant.now(clock), program);
        long total = 0;
        for (Path f : files) {
            long base = total;
            total +=
                    LineChunks.read(f, 0, Long.MAX_VALUE, (t, n) -> r.line(t, base + n), cancelled);
        }
        merge(hosts, r.hosts, 0);
        r.finished(total);
        return total;
    }

    /** dnscache when the lines are dnscache's; otherwise the name of the service that logs here. */
    static String multilogProgram(Path dir, List<Path> files) throws IOException {
        if (dnscacheLines(files)) {
            return "dnscache";
        }
        Path abs = dir.toAbsolutePath().normalize();
        // /service/NAME/log/main -> NAME, the daemontools convention
        if (abs.getNameCount() >= 3
                && abs.getFileName().toString().equals("main")
                && abs.getParent().getFileName().toString().equals("log")) {
            return abs.getParent().getParent().getFileName().toString();
        }
        return abs.getFileName() == null ? "multilog" : abs.getFileName().toString();
    }

    /** Whether the first lines of {@code files} are dnscache entries. */
    static boolean dnscacheLines(List<Path> files) throws IOException {
        List<String> first = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader b =
                    new BufferedReader(
                            new InputStreamReader(
                                    Files.newInputStream(f), StandardCharsets.UTF_8))) {
                String l;
                while (first.size() < 50 && (l = b.readLine()) != null) {
                    first.add(l);
                }
            }
            if (first.size() >= 50) {
                break;
            }
        }
        return DnscacheDetector.looksLikeDnscache(first);
    }

    private long readJournal(
            SummaryInput.Journal j,
            int source,
            Map<String, HostCounts> hosts,
            BooleanSupplier cancelled)
            throws IOException {
        List<String> sel = new ArrayList<>(j.selection());
        if (!options.range().all()) { // let journalctl skip what is out of range
            sel.add("--since=@" + options.range().start().getEpochSecond());
            sel.add("--until=@" + (options.range().end().getEpochSecond() - 1));
        }
        try (JournalSource js = JournalSource.open(sel, options.zone())) {
            js.index(IndexProgress.NONE, cancelled);
            LineReader r = newReader(source, Instant.now(clock), null);
            long n = js.lineCount();
            for (long i = 0; i < n && !cancelled.getAsBoolean(); i++) {
                r.line(js.fullLine(i), i + 1);
            }
            merge(hosts, r.hosts, 0);
            r.finished(n);
            return n;
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Whether the message follows "tag: " (a space after the colon), as syslog writes it. */
    static boolean taggedLine(String text, String message) {
        int at = text.length() - message.length() - 1;
        return message.isEmpty()
                || (at > 0 && text.charAt(at) == ' ' && text.charAt(at - 1) == ':');
    }

    private void merge(Map<String, HostCounts> into, Map<String, HostCounts> from, long shift) {
        for (Map.Entry<String, HostCounts> e : from.entrySet()) {
            HostCounts c = e.getValue();
            if (shift != 0) {
                for (PatternService.Accumulator a : c.services) {
                    a.shiftLines(shift);
                }
            }
            HostCounts mine = into.get(e.getKey());
            if (mine == null) {
                into.put(e.getKey(), c);
            } else {
                mine.merge(c);
            }
        }
    }

    /** A reader of a whole input (one thread). */
    private LineReader newReader(int source, Instant reference, String multilogProgram) {
        return newReader(
                source, reference, multilogProgram, new DnscacheOrder(this::dnsLine, source, 1), 0);
    }

    /** A reader of part {@code part} of an input read by several threads. */
    private LineReader newReader(
            int source, Instant reference, String multilogProgram, DnscacheOrder order, int part) {
        return new LineReader(
                patterns, dnscache, options, source, reference, multilogProgram, order, part, tags);
    }

    /** A dnscache line to its host's stream; called in log order, under the input's order lock. */
    private void dnsLine(String host, String text, int source, long lineNo) {
        DnscacheService.Stream s;
        synchronized (dnsStreams) {
            s = dnsStreams.computeIfAbsent(host, k -> dnscache.stream(options.trackLines()));
        }
        s.add(text, source, lineNo);
    }
}
