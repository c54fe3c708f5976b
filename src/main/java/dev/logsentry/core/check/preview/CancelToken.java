package dev.logsentry.core.check.preview;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Cancels a preview computation from another thread (the editor cancels the previous preview at
 * every keystroke). Work polls it every few thousand lines and stops with a {@link
 * CancellationException}. Also usable wherever core takes a {@code BooleanSupplier cancelled}.
 */
public final class CancelToken implements BooleanSupplier {

    /** A token nobody cancels. */
    public static final BooleanSupplier NEVER = () -> false;

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled;
    }

    /** Throws {@link CancellationException} when {@code token} says so. */
    static void check(BooleanSupplier token) {
        if (token.getAsBoolean()) {
            throw new CancellationException("preview cancelled");
        }
    }
}
