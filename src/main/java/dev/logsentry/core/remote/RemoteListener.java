package dev.logsentry.core.remote;

import java.util.List;

/**
 * Receives classified lines from a {@link SyslogReceiver}, in the order each connection spooled
 * them, one call at a time (on the connection's thread or the receiver's delivery thread, never two
 * at once): return quickly (hand work to your own executor; a UI hops to its own thread). A
 * listener that is slow holds up delivery, and in the end the senders (back-pressure), but never
 * loses a line.
 */
public interface RemoteListener {

    /** A batch of lines from one host, already written to the spool. */
    void lines(List<RemoteLine> batch);

    /** Something the administrator should know (a rejected peer, a full disk), as one line. */
    default void event(String message) {}
}
