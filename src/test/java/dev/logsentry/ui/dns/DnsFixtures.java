package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Logs for the DNS view tests: the real multilog fixture of core (its expected counts always come
 * from the core analysis of the same files) and a small written log with clients of both address
 * families, a query whose query line is missing, a line no query can own, and an idle gap.
 */
final class DnsFixtures {
    private DnsFixtures() {}

    static Path main() throws Exception {
        return Path.of(
                        DnsFixtures.class
                                .getResource("/dev/logsentry/core/dnscache/plain.log")
                                .toURI())
                .resolveSibling("main");
    }

    static DnscacheAnalysis analyze(Path p) throws Exception {
        return DnscacheAnalyzer.analyze(List.of(p));
    }

    /**
     * Clients in an order where text and numeric order differ; IPv6 in dnscache's 32-digit form.
     */
    static final List<String> CLIENTS =
            List.of(
                    "0a00000a",
                    "09000001",
                    "c0a80101",
                    "0a000002",
                    "00000000000000000000000000000001");

    /**
     * Writes the small log: a {@code sent} for serial 99 without its query line (a "?" row), an
     * {@code rr} no waiting query fits (an unattributed line), then one query per client answered
     * from the cache, at seconds 0, 1, 2 and then, after an idle gap, 30 and 31.
     */
    static Path small(Path dir) throws Exception {
        long base = 0x4000000060000000L;
        StringBuilder sb = new StringBuilder();
        sb.append(label(base, 0)).append(" sent 99 45\n");
        sb.append(label(base, 1)).append(" rr 7f350003 3600 1 x.other. 7f350104\n");
        int[] seconds = {0, 1, 2, 30, 31};
        for (int i = 0; i < CLIENTS.size(); i++) {
            String at = label(base + seconds[i], 1000 + i);
            int serial = i + 1;
            sb.append(at)
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    " query %d %s:%04x:%04x 1 host%d.test.\n",
                                    serial,
                                    CLIENTS.get(i),
                                    1000 + i,
                                    77 + i,
                                    5 - i));
            sb.append(at).append(" cached 1 host").append(5 - i).append(".test.\n");
            sb.append(label(base + seconds[i], 5000 + i))
                    .append(" sent ")
                    .append(serial)
                    .append(" 49\n");
        }
        Path f = dir.resolve("small.log");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static String label(long secs, long nanos) {
        return String.format(Locale.ROOT, "@%016x%08x", secs, nanos);
    }

    /** Clicks the item of the open context menu whose text is {@code text}. */
    static void clickMenu(org.testfx.api.FxRobot robot, String text) {
        robot.clickOn(
                robot.lookup(".context-menu .label")
                        .match(
                                n ->
                                        n instanceof javafx.scene.control.Label l
                                                && text.equals(l.getText()))
                        .queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
