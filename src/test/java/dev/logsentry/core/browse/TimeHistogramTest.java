package dev.logsentry.core.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.IndexedFile;
import dev.logsentry.core.rules.Level;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeHistogramTest {

    @TempDir Path dir;

    private static final SourceClock CLOCK =
            new SourceClock(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC);
    private static final DateTimeFormatter SYSLOG =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 6, 0, 0);

    /**
     * Two untimed lines, then {@code lines} lines {@code step} seconds apart, every fifth followed
     * by a continuation line without a timestamp.
     */
    private static byte[] log(int lines, int step) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("-- no time yet\n-- nor here\n".getBytes(StandardCharsets.UTF_8));
        String[] messages = {
            "sshd[1]: Accepted publickey for alice from 10.0.0.1 port 22 ssh2",
            "kernel: Oversized packet received from 10.0.0.2",
            "frob[2]: no rule knows this",
            "CRON[3]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)"
        };
        Random random = new Random(lines);
        for (int i = 0; i < lines; i++) {
            String time = SYSLOG.format(T0.plusSeconds((long) i * step));
            String line = time + " web1 " + messages[random.nextInt(messages.length)] + "\n";
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            if (i % 5 == 0) {
                out.writeBytes("    continuation\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private TimeHistogram histogram(byte[] log, int threads) throws Exception {
        IndexedFile file = Fixtures.indexed(dir, "log" + threads + "-" + log.length, log);
        ClassifiedSource c = Fixtures.classified(file, Fixtures.debianRules(Level.SERVER), threads);
        TimeHistogram h = TimeHistogram.compute(c, CLOCK, threads, Progress.NONE, () -> false);
        assertThat(h).isNotNull();
        long[] perVerdict = new long[4];
        long sum = 0;
        for (int b = 0; b < h.bucketCount(); b++) {
            for (Verdict v : Verdict.values()) {
                perVerdict[v.ordinal()] += h.count(b, v);
            }
            sum += h.total(b);
        }
        for (Verdict v : Verdict.values()) {
            assertThat(perVerdict[v.ordinal()])
                    .as(v.name())
                    .isEqualTo(c.counts().get(v) - (v == Verdict.UNUSUAL ? h.untimedLines() : 0));
        }
        assertThat(sum + h.untimedLines()).isEqualTo(file.lineCount());
        file.close();
        return h;
    }

    @Test
    void aFilteredCountUsesTheWholeLogsBarsAndCountsOnlyTheIncludedLines() throws Exception {
        byte[] log = log(2_000, 3);
        IndexedFile file = Fixtures.indexed(dir, "filtered", log);
        ClassifiedSource c = Fixtures.classified(file, Fixtures.debianRules(Level.SERVER), 2);
        TimeHistogram all = TimeHistogram.compute(c, CLOCK, 2, Progress.NONE, () -> false);
        // the lines with an even number: about half of every bar
        TimeHistogram even = TimeHistogram.compute(c, CLOCK, 2, () -> false, l -> l % 2 == 0, all);

        assertThat(even.bucketCount()).isEqualTo(all.bucketCount());
        assertThat(even.start()).isEqualTo(all.start());
        assertThat(even.bucketSize()).isEqualTo(all.bucketSize());
        long expected = 0;
        try (LineReader reader = LineReader.of(c.source())) {
            LineClock clock = new LineClock(c.source(), CLOCK.lineTimes());
            long[] timedEven = {0};
            reader.read(
                    0,
                    c.classifiedCount(),
                    (line, buf, off, len) -> {
                        Instant t = clock.next(buf, off, len);
                        if (t != null && line % 2 == 0) {
                            timedEven[0]++;
                        }
                        return true;
                    });
            expected = timedEven[0];
        }
        long counted = 0;
        for (int b = 0; b < even.bucketCount(); b++) {
            counted += even.total(b);
            assertThat(even.total(b)).isLessThanOrEqualTo(all.total(b));
        }
        assertThat(counted).isEqualTo(expected).isLessThan(sum(all));
        file.close();
    }

    private static long sum(TimeHistogram h) {
        long n = 0;
        for (int b = 0; b < h.bucketCount(); b++) {
            n += h.total(b);
        }
        return n;
    }

    @Test
    void twoHoursOfSecondsGiveThirtySecondBarsStackedByVerdict() throws Exception {
        TimeHistogram h = histogram(log(7200, 1), 2);
        assertThat(h.bucketSize()).isEqualTo(Duration.ofSeconds(30));
        assertThat(h.bucketCount()).isEqualTo(240);
        assertThat(h.start()).isEqualTo(T0.toInstant(ZoneOffset.UTC));
        assertThat(h.untimedLines()).isEqualTo(2);
        // 30 timed lines per bar plus 6 continuations (every fifth line has one)
        for (int b = 0; b < h.bucketCount(); b++) {
            assertThat(h.total(b)).as("bar %d", b).isEqualTo(36);
        }
        assertThat(h.count(0, Verdict.ATTACK)).isPositive();
        assertThat(h.maxTotal()).isEqualTo(36);
    }

    @Test
    void threeDaysGiveQuarterHourBarsAndTheBarCountStaysInRange() throws Exception {
        TimeHistogram h = histogram(log(26_000, 10), 1);
        assertThat(h.bucketSize()).isEqualTo(Duration.ofMinutes(15));
        assertThat(h.bucketCount()).isBetween(60, TimeHistogram.MAX_BARS);
    }

    @Test
    void clickingABarJumpsToItsFirstLine() throws Exception {
        TimeHistogram h = histogram(log(7200, 1), 1);
        Instant t = T0.plusSeconds(3600).toInstant(ZoneOffset.UTC);
        int bar = h.bucketOf(t);
        assertThat(bar).isEqualTo(120);
        // line index: 2 untimed, then each timed line i at 2 + i + ceil(i / 5) continuations
        long expected = 2 + 3600 + (3600 + 4) / 5;
        assertThat(h.lineAtOrAfter(t)).isEqualTo(expected);
        assertThat(h.firstLine(bar)).isEqualTo(expected);
        assertThat(h.lineAtOrAfter(Instant.EPOCH)).isEqualTo(2);
        assertThat(h.lineAtOrAfter(h.end())).isEqualTo(-1);
        assertThat(h.bucketEnd(bar)).isEqualTo(h.bucketStart(bar + 1));
    }

    @Test
    void fineBinsCoarsenWithoutLosingLines() {
        FineBins bins = new FineBins();
        long n = 200_000;
        for (long i = 0; i < n; i++) {
            bins.add(1_000_000 + i * 3, (int) (i % 4), i);
        }
        FineBins other = new FineBins();
        other.add(5, 0, 7);
        bins.merge(other);
        assertThat(bins.resolution()).isGreaterThan(1);
        long total = bins.bins().values().stream().mapToLong(b -> b[0] + b[1] + b[2] + b[3]).sum();
        assertThat(total).isEqualTo(n + 1);
        TimeHistogram h = TimeHistogram.of(bins, ZoneOffset.UTC, n + 1);
        assertThat(h.bucketCount()).isBetween(1, TimeHistogram.MAX_BARS);
        assertThat(h.firstLine(0)).isEqualTo(7);
    }
}
