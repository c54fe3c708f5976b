package dev.logsentry.core.remote;

import dev.logsentry.core.check.Classifier;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The RFC 5425 syslog-over-TLS receiver: one core service that {@code logsentry serve} runs
 * headless and that the workbench can host. It accepts TLS connections, writes every message to its
 * host's daily spool file before counting it, classifies it (attack or violation) with the same
 * engine and rules as {@code check} and hands the result to {@link RemoteListener}s. Memory is
 * bounded: a full queue makes connections stop reading (TCP back-pressure), a full disk makes it
 * stop accepting; nothing accepted is dropped. Hostile peers cost one log line and one counter
 * each.
 *
 * <p>Use: {@code new SyslogReceiver(settings, tls, classifier, log)}, {@link #addListener}, {@link
 * #start()}, then {@link #status()} at any time and {@link #close()}.
 */
public final class SyslogReceiver implements Closeable {
    private final ReceiverSettings settings;
    private final TlsSetup tls;
    private final String fingerprint;
    private final Consumer<String> log;
    private final Spool spool;
    private final LiveClassifier classifier;
    private final Map<String, HostCounters> hosts = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final EnumMap<Rejection, LongAdder> rejections = new EnumMap<>(Rejection.class);
    private final Set<String> spoolHosts = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedHostsTold = ConcurrentHashMap.newKeySet();
    private final LongAdder refusedHostLines = new LongAdder();
    private final ExecutorService connections;
    private final ScheduledExecutorService timer;
    private volatile ServerSocket server;
    private volatile boolean closing;
    private volatile String spoolProblem;
    private Instant started;

    /**
     * @param settings where to listen and spool, and the limits
     * @param tls the server's TLS (identity, optional client pinning)
     * @param fingerprint the server certificate's fingerprint, for the status
     * @param classifier the check engine with its rules
     * @param log where event lines go (the service's log; one line each)
     */
    public SyslogReceiver(
            ReceiverSettings settings,
            TlsSetup tls,
            String fingerprint,
            Classifier classifier,
            Consumer<String> log)
            throws IOException {
        this(settings, tls, fingerprint, classifier, log, null);
    }

    SyslogReceiver(
            ReceiverSettings settings,
            TlsSetup tls,
            String fingerprint,
            Classifier classifier,
            Consumer<String> log,
            Spool.Opener opener)
            throws IOException {
        this.settings = settings;
        this.tls = tls;
        this.fingerprint = fingerprint;
        this.log = log;
        for (Rejection r : Rejection.values()) {
            rejections.put(r, new LongAdder());
        }
        this.spool =
                new Spool(settings.spoolDir(), settings.zone(), settings.fsyncMillis(), opener);
        try (var dirs = java.nio.file.Files.newDirectoryStream(settings.spoolDir())) {
            for (java.nio.file.Path d : dirs) {
                if (java.nio.file.Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    spoolHosts.add(d.getFileName().toString());
                }
            }
        }
        // live, only attacks and violations are acted on: the ignore.d rules (most rules, most of
        // the matching time) are left to check
        this.classifier =
                new LiveClassifier(classifier.raisingOnly(), settings.queueBatches(), log);
        AtomicInteger n = new AtomicInteger();
        this.connections =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "logsentry-peer-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "logsentry-spool-sync");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Adds a listener for classified lines (see {@link RemoteListener}). */
    public void addListener(RemoteListener l) {
        classifier.addListener(l);
    }

    public void removeListener(RemoteListener l) {
        classifier.removeListener(l);
    }

    /** Binds the port and starts accepting. */
    public void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 128);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        server = s;
        started = Instant.now();
        if (settings.fsyncMillis() > 0) {
            timer.scheduleWithFixedDelay(
                    spool::syncAll,
                    settings.fsyncMillis(),
                    settings.fsyncMillis(),
                    TimeUnit.MILLISECONDS);
        }
        Thread acceptor = new Thread(this::acceptLoop, "logsentry-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log(
                "receiving syslog over TLS on "
                        + listen()
                        + ", spool "
                        + settings.spoolDir()
                        + (tls.mutual() ? ", client certificates required" : ""));
    }

    /** The bound port (the chosen one when the settings said 0). */
    public int port() {
        return server == null ? settings.port() : server.getLocalPort();
    }

    /** A snapshot of the counters. */
    public ReceiverStatus status() {
        Map<String, Long> rej = new LinkedHashMap<>();
        rejections.forEach((k, v) -> rej.put(k.name(), v.sum()));
        List<ReceiverStatus.Host> hs = new ArrayList<>();
        hosts.values().stream()
                .sorted((a, b) -> a.host.compareTo(b.host))
                .forEach(h -> hs.add(h.snapshot()));
        String problem = spoolProblem;
        return new ReceiverStatus(
                Instant.now(),
                started,
                listen(),
                fingerprint,
                problem == null && !closing && server != null,
                problem,
                open.size(),
                classifier.queued(),
                rej,
                hs);
    }

    /** Stops accepting, ends the connections, classifies what is queued, syncs the spool. */
    @Override
    public void close() {
        closing = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        for (Connection c : open) {
            c.closeSocket();
        }
        connections.shutdown();
        try {
            connections.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        classifier.close();
        timer.shutdownNow();
        spool.close();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket s;
            try {
                s = server.accept();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                log("accept failed: " + Connection.describe(e));
                continue;
            }
            String peer = s.getInetAddress().getHostAddress() + ":" + s.getPort();
            if (spoolProblem != null) {
                rejected(Rejection.DISK_FULL, peer, null, "refused: " + spoolProblem);
                closeQuietly(s);
                continue;
            }
            AtomicInteger mine =
                    perAddress.computeIfAbsent(s.getInetAddress(), a -> new AtomicInteger());
            int fromHere = mine.incrementAndGet();
            String refusal =
                    fromHere > settings.maxPerAddress()
                            ? "already "
                                    + settings.maxPerAddress()
                                    + " connections from this address"
                            : open.size() >= settings.maxConnections()
                                    ? settings.maxConnections() + " connections open in all"
                                    : null;
            if (refusal != null) {
                mine.decrementAndGet();
                rejected(Rejection.TOO_MANY_CONNECTIONS, peer, null, "refused: " + refusal);
                closeQuietly(s);
                continue;
            }
            Connection c = new Connection(this, s, peer);
            open.add(c);
            try {
                connections.execute(c);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                connectionClosed(c, s.getInetAddress(), null);
                closeQuietly(s);
            }
        }
    }

    // ---- called by connections ----

    ReceiverSettings settings() {
        return settings;
    }

    TlsSetup tls() {
        return tls;
    }

    LiveClassifier classifier() {
        return classifier;
    }

    boolean closing() {
        return closing;
    }

    HostCounters host(String name, String peer) {
        HostCounters c = hosts.computeIfAbsent(name, HostCounters::new);
        c.peer = peer;
        return c;
    }

    void log(String message) {
        log.accept(message);
        for (RemoteListener l : classifier.listeners()) {
            try {
                l.event(message);
            } catch (RuntimeException e) {
                // a listener's problem is not the receiver's
            }
        }
    }

    void rejected(Rejection why, String peer, HostCounters host, String message) {
        log(
                "rejected "
                        + peer
                        + (host != null ? " (" + host.host + ")" : "")
                        + ": "
                        + why.label()
                        + ": "
                        + message);
        // counted after the log line, so whoever sees the count finds the line too
        if (host != null) {
            host.rejected.increment();
        }
        rejections.get(why).increment();
    }

    /**
     * Whether lines of {@code host} may be spooled: a host with a directory already, or room for
     * one more ({@link ReceiverSettings#maxHosts()}). Refused lines cost a counter each and a log
     * line naming the host (for the first 64 hosts refused, then one line per 1,000 lines), so a
     * sender inventing names can neither fill the disk with directories nor the log with lines.
     */
    boolean admitHost(String host, String peer, int lines) {
        if (spoolHosts.contains(host)) {
            return true;
        }
        int held;
        synchronized (spoolHosts) {
            if (spoolHosts.contains(host)) {
                return true;
            }
            held = spoolHosts.size();
            if (held < settings.maxHosts()) {
                spoolHosts.add(host);
                return true;
            }
        }
        long before = refusedHostLines.sum();
        refusedHostLines.add(lines);
        boolean tell =
                (refusedHostsTold.size() < 64 && refusedHostsTold.add(host))
                        || before / 1000 != (before + lines) / 1000;
        if (tell) {
            log(
                    "rejected "
                            + peer
                            + " ("
                            + host
                            + "): "
                            + Rejection.TOO_MANY_HOSTS.label()
                            + ": refused "
                            + lines
                            + " line(s) of a new host: the spool "
                            + settings.spoolDir()
                            + " already holds "
                            + held
                            + " host directories (--max-hosts "
                            + settings.maxHosts()
                            + "); "
                            + (before + lines)
                            + " line(s) refused so far");
        }
        rejections.get(Rejection.TOO_MANY_HOSTS).add(lines);
        return false;
    }

    void connectionClosed(Connection c, InetAddress address, HostCounters host) {
        if (open.remove(c)) {
            AtomicInteger n = perAddress.get(address);
            if (n != null && n.decrementAndGet() <= 0) {
                perAddress.remove(address, n);
            }
        }
        if (host != null) {
            host.connections.decrementAndGet();
        }
    }

    /**
     * Writes lines to the spool, waiting for space as long as it takes: the connection stops
     * reading meanwhile and new connections are refused. Returns null only when closing.
     */
    Spool.Appended spoolWithRetry(String host, Instant now, byte[] lines, int length)
            throws InterruptedException {
        while (true) {
            try {
                Spool.Appended a = spool.append(host, now, lines, length);
                if (spoolProblem != null) {
                    synchronized (this) {
                        if (spoolProblem != null) {
                            spoolProblem = null;
                            log(
                                    "the spool "
                                            + settings.spoolDir()
                                            + " is writable again; accepting");
                        }
                    }
                }
                return a;
            } catch (IOException e) {
                synchronized (this) {
                    if (spoolProblem == null) {
                        spoolProblem =
                                "cannot write the spool "
                                        + settings.spoolDir()
                                        + ": "
                                        + Connection.describe(e)
                                        + "; senders are paused and new connections refused"
                                        + " until it can be written";
                        log(spoolProblem);
                    }
                }
                if (closing) {
                    return null;
                }
                Thread.sleep(500);
            }
        }
    }

    private String listen() {
        return settings.bindAddress() + ":" + port();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
