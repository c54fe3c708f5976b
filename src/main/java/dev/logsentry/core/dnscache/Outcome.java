package dev.logsentry.core.dnscache;

/** How dnscache ended a client query, as far as the log shows it. */
public enum Outcome {
    /** Records for the question were fetched from servers (or dnscache answered it itself). */
    ANSWERED,
    /** The answer to the client's own question came from the cache. */
    CACHED,
    /** The name does not exist (from a server or the cache). */
    NXDOMAIN,
    /** The name exists but has no records of the asked type. */
    NODATA,
    /** Every server failed or was lame: the client got SERVFAIL. */
    SERVFAIL,
    /** The answer was over 512 bytes: an empty response with TC set; the client retries on TCP. */
    TRUNCATED,
    /** dnscache dropped the question (see the drop reason). */
    DROPPED,
    /** No {@code sent} or {@code drop} before the end of the log or a restart. */
    UNFINISHED
}
