package dev.logsentry.core.source.follow;

/**
 * Receives what a {@link Follower} reads, in order, on the follower's thread. Lines come without
 * their terminator ('\n' or "\r\n") as raw bytes, exactly once each.
 */
public interface FollowListener {
    /** One complete line. The array belongs to the listener. */
    void line(byte[] raw);

    /** A rotation, truncation or problem, between the lines it separates. */
    void event(FollowEvent event);
}
