package dev.logsentry.core.checkrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost and nothing twice across logrotate's schemes, crashes and rotations during a run
 * (see {@link RotationSoak}): short here, long with {@code mvn -Psoak}.
 */
class RotationSoakTest {
    @TempDir Path dir;

    @Test
    void everyLineIsReportedExactlyOnceByTheCompletedRuns() throws Exception {
        RotationSoak soak = new RotationSoak(dir, 20261204);
        RotationSoak.Tally t = soak.run(40, 3);
        assertThat(t.written()).isGreaterThan(1000);
        assertThat(t.killedRuns()).as("runs killed mid-run").isPositive();
        if (t.lost() + t.duplicated() > 0) { // what happened, for the failure report
            for (int i = 0; i < soak.history.size(); i++) {
                System.err.println("H " + i + " " + soak.history.get(i));
            }
            soak.where.entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> System.err.println("W " + e.getKey() + " " + e.getValue()));
        }
        assertThat(t.lost()).as("lost: %s", soak.notes()).isZero();
        assertThat(t.duplicated()).as("twice: %s", soak.notes()).isZero();
    }

    @Test
    @Tag("soak")
    void aLongSoakLosesAndRepeatsNothing() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            RotationSoak soak = new RotationSoak(dir.resolve("s" + seed), seed);
            RotationSoak.Tally t = soak.run(400, 20);
            assertThat(t.lost()).as("seed %d lost: %s", seed, soak.notes()).isZero();
            assertThat(t.duplicated()).as("seed %d twice: %s", seed, soak.notes()).isZero();
        }
    }
}
