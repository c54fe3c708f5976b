package dev.logsentry.ui.sources;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.source.LogOpener;
import dev.logsentry.core.source.OpenedLog;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Opens sources with the core {@link LogOpener} (files, .gz, multilog directories): first screen at
 * once, then the full index.
 */
public final class CoreSourceOpener implements SourceOpener {
    @Override
    public LineSource open(
            Path path,
            IndexProgress progress,
            BooleanSupplier cancelled,
            BiConsumer<LineSource, String> ready)
            throws Exception {
        OpenedLog log = LogOpener.open(path);
        ready.accept(log.source(), log.kind().name().toLowerCase());
        try {
            log.job().run(progress, cancelled);
        } catch (SourceException e) {
            if (e.reason() == SourceException.Reason.CORRUPT) {
                // a truncated or corrupt .gz: what was readable stays open, the message says where
                // it broke
                throw new PartlyReadableException(log.source(), e);
            }
            log.source().close();
            throw e;
        } catch (RuntimeException e) {
            log.source().close();
            throw e;
        }
        return log.source();
    }
}
