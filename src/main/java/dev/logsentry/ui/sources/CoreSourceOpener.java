package dev.logsentry.ui.sources;

import dev.logsentry.core.index.IndexProgress;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.source.LogOpener;
import dev.logsentry.core.source.OpenedLog;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Opens sources with the core {@link LogOpener}: first screen at once, then the full index. */
public final class CoreSourceOpener implements SourceOpener {
    @Override
    public LineSource open(
            Path path,
            IndexProgress progress,
            BooleanSupplier cancelled,
            Consumer<LineSource> ready)
            throws Exception {
        OpenedLog log = LogOpener.open(path);
        ready.accept(log.source());
        try {
            log.job().run(progress, cancelled);
        } catch (Exception e) {
            log.source().close();
            throw e;
        }
        return log.source();
    }
}
