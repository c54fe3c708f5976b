package dev.logsentry.core.rules.ere;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;

/**
 * Runs {@link Matcher#find()} so that a huge line cannot crash a check: java.util.regex recurses
 * for repeated groups and may overflow the stack on lines of many megabytes. Such a match is
 * retried on a helper thread with a large stack, so the answer stays exact.
 */
public final class PatternMatch {

    private static final long BIG_STACK = 2L << 30;

    private PatternMatch() {}

    public static boolean find(Matcher matcher) {
        try {
            return matcher.find(0);
        } catch (StackOverflowError e) {
            return withBigStack(matcher, false);
        }
    }

    /** For patterns anchored at the start: the same answer as find, without trying every start. */
    public static boolean lookingAt(Matcher matcher) {
        try {
            return matcher.lookingAt();
        } catch (StackOverflowError e) {
            return withBigStack(matcher, true);
        }
    }

    private static boolean withBigStack(Matcher matcher, boolean anchored) {
        AtomicBoolean found = new AtomicBoolean();
        Throwable[] failure = new Throwable[1];
        Thread helper =
                new Thread(
                        null,
                        () -> {
                            try {
                                found.set(anchored ? matcher.lookingAt() : matcher.find(0));
                            } catch (Throwable t) {
                                failure[0] = t;
                            }
                        },
                        "logsentry-big-match",
                        BIG_STACK);
        helper.start();
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching a very long line", e);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("line too complex to match", failure[0]);
        }
        return found.get();
    }
}
