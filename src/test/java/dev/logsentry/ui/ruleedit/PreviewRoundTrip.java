package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.CheckLines;
import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.preview.CancelToken;
import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javafx.application.Platform;

/**
 * The preview's UI round trip (docs/PERFORMANCE.md): from setting the edited rule on the FX thread
 * to the match count shown, and to the verdict change shown, through the real view-model (150 ms
 * debounce included). {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -cp ...
 * PreviewRoundTrip LOG RULES_DIR RUNS}.
 */
public final class PreviewRoundTrip {
    private static final String H = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) [._[:alnum:]-]+ ";

    private PreviewRoundTrip() {}

    public static void main(String[] args) throws Exception {
        String[] raw =
                new String(Files.readAllBytes(Path.of(args[0])), StandardCharsets.ISO_8859_1)
                        .split("\n");
        for (int i = 0; i < raw.length; i++) {
            raw[i] = CheckLines.prepare(raw[i], Profile.LOGCHECK_1_4);
        }
        CheckLines lines = CheckLines.of(raw);
        Path rules = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        RuleWorkspace ws =
                new RuleWorkspace(
                        rules,
                        null,
                        Level.SERVER,
                        CheckOptions.defaults(Profile.LOGCHECK_1_4),
                        () -> lines);
        long t = System.nanoTime();
        ws.preview(CancelToken.NEVER);
        System.out.println(
                "lines " + lines.size() + " baseline_ms " + (System.nanoTime() - t) / 1_000_000);
        Platform.startup(() -> {});
        BlockingQueue<long[]> done = new ArrayBlockingQueue<>(1);
        long[] t0 = new long[2];
        RulePreviewViewModel[] vm = new RulePreviewViewModel[1];
        Platform.runLater(
                () -> {
                    vm[0] = new RulePreviewViewModel(ws, Platform::runLater, 150);
                    vm[0].summaryProperty()
                            .addListener(
                                    (o, a, b) -> {
                                        long now = System.nanoTime();
                                        if (b.startsWith("Computing")) {
                                            t0[1] = now;
                                        } else {
                                            done.add(new long[] {t0[1] - t0[0], now - t0[0]});
                                        }
                                    });
                });
        Path ssh = rules.resolve("ignore.d.server/ssh");
        List<String> sshLines = Files.readAllLines(ssh, StandardCharsets.ISO_8859_1);
        for (int r = 0; r < runs; r++) {
            String anchored =
                    H
                            + "sshd\\[[[:digit:]]+\\]: Accepted publickey for [^[:space:]]+ from"
                            + " [^[:space:]]+ port [[:digit:]]+ ssh"
                            + (r % 10)
                            + "?$";
            List<String> edited = new ArrayList<>(sshLines);
            edited.add(anchored);
            Platform.runLater(
                    () -> {
                        t0[0] = System.nanoTime();
                        ws.targetProperty()
                                .set(
                                        new RuleWorkspace.Target(
                                                ssh,
                                                edited,
                                                anchored,
                                                edited.size(),
                                                Category.IGNORE));
                    });
            long[] ms = done.take();
            System.out.println(
                    "ui_matches_ms "
                            + ms[0] / 1_000_000
                            + " ui_verdicts_ms "
                            + ms[1] / 1_000_000
                            + " count "
                            + vm[0].countProperty().get());
        }
        Platform.exit();
    }
}
