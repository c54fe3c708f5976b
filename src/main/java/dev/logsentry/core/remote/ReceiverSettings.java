package dev.logsentry.core.remote;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * How the receiver listens, spools and defends itself.
 *
 * @param bindAddress address to listen on ("0.0.0.0", "::", "127.0.0.1")
 * @param port TCP port (6514 is RFC 5425's; 0 picks a free one, for tests)
 * @param spoolDir root of the per-host spool
 * @param zone zone of day file names and of RFC 3164 times
 * @param maxFrame largest accepted message in bytes (RFC 5425 requires 2,048, recommends 8,192)
 * @param maxConnections open connections in all
 * @param maxPerAddress open connections from one address
 * @param handshakeMillis time a peer has to complete its TLS handshake
 * @param frameMillis time a started frame has to complete
 * @param idleMillis time a connection may stay silent between frames (0 = no limit)
 * @param fsyncMillis how long written lines may wait for fsync (0 = before they count)
 * @param queueBatches received batches waiting for classification before senders are paused
 * @param maxHosts host directories the spool may hold; lines naming a further host are refused (a
 *     hostile or misconfigured sender must not create directories without end)
 */
public record ReceiverSettings(
        String bindAddress,
        int port,
        Path spoolDir,
        ZoneId zone,
        int maxFrame,
        int maxConnections,
        int maxPerAddress,
        int handshakeMillis,
        int frameMillis,
        long idleMillis,
        long fsyncMillis,
        int queueBatches,
        int maxHosts) {

    /** RFC 5425's port. */
    public static final int DEFAULT_PORT = 6514;

    /** The default spool root. */
    public static final Path DEFAULT_SPOOL = Path.of("/var/log/logsentry");

    /** Host directories a spool holds at most by default. */
    public static final int DEFAULT_MAX_HOSTS = 1000;

    public ReceiverSettings {
        if (maxFrame < 2048) {
            throw new IllegalArgumentException(
                    "the maximum frame must be at least 2048 bytes (RFC 5425), not " + maxFrame);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxConnections < 1 || maxPerAddress < 1 || queueBatches < 1 || maxHosts < 1) {
            throw new IllegalArgumentException("connection and queue limits must be positive");
        }
        if (handshakeMillis < 1 || frameMillis < 1 || idleMillis < 0 || fsyncMillis < 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * The defaults: all addresses, port 6514, 64 KiB frames, 30 s for a handshake or a started
     * frame, fsync within a second.
     */
    public static ReceiverSettings defaults(Path spoolDir) {
        return new ReceiverSettings(
                "0.0.0.0",
                DEFAULT_PORT,
                spoolDir,
                ZoneId.systemDefault(),
                64 * 1024,
                1024,
                64,
                30_000,
                30_000,
                0,
                1_000,
                64,
                DEFAULT_MAX_HOSTS);
    }

    public ReceiverSettings withListen(String address, int p) {
        return new ReceiverSettings(
                address,
                p,
                spoolDir,
                zone,
                maxFrame,
                maxConnections,
                maxPerAddress,
                handshakeMillis,
                frameMillis,
                idleMillis,
                fsyncMillis,
                queueBatches,
                maxHosts);
    }

    public ReceiverSettings withLimits(int frame, int connections, int perAddress) {
        return new ReceiverSettings(
                bindAddress,
                port,
                spoolDir,
                zone,
                frame,
                connections,
                perAddress,
                handshakeMillis,
                frameMillis,
                idleMillis,
                fsyncMillis,
                queueBatches,
                maxHosts);
    }

    public ReceiverSettings withTimeouts(int handshake, int frame, long idle) {
        return new ReceiverSettings(
                bindAddress,
                port,
                spoolDir,
                zone,
                maxFrame,
                maxConnections,
                maxPerAddress,
                handshake,
                frame,
                idle,
                fsyncMillis,
                queueBatches,
                maxHosts);
    }

    public ReceiverSettings withQueue(int batches, long fsync) {
        return new ReceiverSettings(
                bindAddress,
                port,
                spoolDir,
                zone,
                maxFrame,
                maxConnections,
                maxPerAddress,
                handshakeMillis,
                frameMillis,
                idleMillis,
                fsync,
                batches,
                maxHosts);
    }

    /** At most {@code n} host directories in the spool. */
    public ReceiverSettings withMaxHosts(int n) {
        return new ReceiverSettings(
                bindAddress,
                port,
                spoolDir,
                zone,
                maxFrame,
                maxConnections,
                maxPerAddress,
                handshakeMillis,
                frameMillis,
                idleMillis,
                fsyncMillis,
                queueBatches,
                n);
    }
}
