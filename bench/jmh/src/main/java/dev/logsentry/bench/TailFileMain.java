package dev.logsentry.bench;

import dev.logsentry.core.source.tail.CheckState;
import dev.logsentry.core.source.tail.FileState;
import dev.logsentry.core.source.tail.LogTail;
import dev.logsentry.core.source.tail.StateStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Measuring program for bench/tail-vs-logtail2.sh: prints the lines of LOG not printed before,
 * like {@code logtail2 -f LOG -o OFFSETFILE}, keeping its state in STATE_DIR. Timing goes to
 * stderr.
 *
 * <p>Usage: {@code TailFileMain LOG STATE_DIR}
 */
public final class TailFileMain {

    private TailFileMain() {}

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Path log = Path.of(args[0]).toAbsolutePath();
        StateStore store = new StateStore(Path.of(args[1]));
        CheckState state = store.load();
        long[] lines = {0};
        LogTail.Result r;
        try (OutputStream out = new BufferedOutputStream(System.out, 1 << 16)) {
            r =
                    new LogTail()
                            .read(
                                    log,
                                    state.files().get(log.toString()),
                                    l -> {
                                        out.write(l.bytes());
                                        out.write('\n');
                                        lines[0]++;
                                    });
        }
        FileState next = r.next();
        if (next != null) {
            store.save(state.with(Map.of(log.toString(), next), Map.of()));
        }
        r.events().forEach(e -> System.err.println(e.severity() + ": " + e.message()));
        System.err.printf("lines=%d seconds=%.3f%n", lines[0], (System.nanoTime() - t0) / 1e9);
    }
}
