package dev.logsentry.core.remote;

/**
 * Why the receiver refused a connection or a frame: each reason has its own counter in the status,
 * and its own log line naming the peer.
 */
public enum Rejection {
    /** Plain text, plain syslog or binary data where a TLS handshake should start. */
    NOT_TLS("not TLS"),
    /** An HTTP request on the TLS port. */
    HTTP("HTTP request"),
    /** The TLS handshake failed (protocol version, cipher, broken client). */
    HANDSHAKE_FAILED("TLS handshake failed"),
    /** Mutual TLS: no client certificate, an unknown one, or an expired one. */
    CLIENT_CERTIFICATE("client certificate refused"),
    /** The handshake did not finish in time. */
    HANDSHAKE_TIMEOUT("handshake timeout"),
    /** A frame started but did not finish in time. */
    FRAME_TIMEOUT("frame timeout"),
    /** A frame longer than the maximum. */
    FRAME_TOO_LARGE("frame too large"),
    /** An octet-count prefix that is not a number followed by a space. */
    BAD_LENGTH("malformed length prefix"),
    /** Bytes that start neither an octet-counted nor a line-framed message. */
    GARBAGE("binary garbage"),
    /** The peer closed (or half-closed) its side in the middle of a frame. */
    TRUNCATED("connection closed mid-frame"),
    /** Too many connections from one address, or in all. */
    TOO_MANY_CONNECTIONS("too many connections"),
    /** Lines naming a new host while the spool already holds the maximum of host directories. */
    TOO_MANY_HOSTS("too many hosts"),
    /** Refused while the spool's disk is full. */
    DISK_FULL("disk full");

    private final String label;

    Rejection(String label) {
        this.label = label;
    }

    /** A short description for log lines and the status. */
    public String label() {
        return label;
    }
}
