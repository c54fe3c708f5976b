package dev.logsentry.cli;

import dev.logsentry.core.dnscache.ResolutionTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Prints resolution trees on a second thread, in the order they are handed over, so that reading,
 * parsing and building (the caller's thread) and formatting the output (this one) use two cores.
 * Trees go over in batches through a bounded queue: memory stays bounded when the output is slower
 * than the input. A failed write stops the printing; the rest is drained and dropped, and {@link
 * #finish} reports the failure.
 */
final class TreePrinter implements Consumer<ResolutionTree> {
    /** Prints one tree. */
    @FunctionalInterface
    interface Print {
        void print(ResolutionTree t) throws IOException;
    }

    private static final int BATCH = 256;
    private static final List<ResolutionTree> END = List.of();

    private final BlockingQueue<List<ResolutionTree>> queue = new ArrayBlockingQueue<>(32);
    private final Thread thread;
    private List<ResolutionTree> batch = new ArrayList<>(BATCH);
    private volatile IOException failure;

    TreePrinter(Print print) {
        thread =
                new Thread(
                        () -> {
                            try {
                                for (List<ResolutionTree> b = queue.take();
                                        b != END;
                                        b = queue.take()) {
                                    for (ResolutionTree t : b) {
                                        if (failure == null) {
                                            try {
                                                print.print(t);
                                            } catch (IOException e) {
                                                failure = e;
                                            }
                                        }
                                    }
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "logsentry-print");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(ResolutionTree t) {
        batch.add(t);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /**
     * Prints what is left and waits for the printing thread.
     *
     * @throws IOException the first write that failed
     */
    void finish() throws IOException {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>();
        }
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while printing", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void put(List<ResolutionTree> b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing trees to the printer", e);
        }
    }
}
