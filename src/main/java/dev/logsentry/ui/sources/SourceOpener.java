package dev.logsentry.ui.sources;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.LineSource;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Opens a log for viewing: validates it, returns its lines, and keeps indexing until done or
 * cancelled. Runs on a background thread; never on the FX thread.
 */
@FunctionalInterface
public interface SourceOpener {

    /**
     * @param path the file or directory to open
     * @param progress receives indexing progress
     * @param cancelled polled by the indexer; true stops the work
     * @param ready called once, as soon as the first lines can be shown, with the growing source
     *     and what kind of source it is (file, gzip, multilog, ...)
     * @return the fully indexed source
     * @throws Exception with a message for the user that names the file
     */
    LineSource open(
            Path path,
            IndexProgress progress,
            BooleanSupplier cancelled,
            java.util.function.BiConsumer<LineSource, String> ready)
            throws Exception;
}
