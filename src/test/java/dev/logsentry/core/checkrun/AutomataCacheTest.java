package dev.logsentry.core.checkrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.check.SyslogCorpus;
import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTreeLoader;
import dev.logsentry.core.rules.automata.AutomataStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cache of compiled rule automata (ADR 0014) makes runs faster and never different: reports
 * with and without it are byte-identical on Debian's rules and on the bundled ones, cold and warm;
 * a damaged, truncated, foreign, world-writable or otherwise unusable file is ignored (one line for
 * --debug), the run's report is the one without cache, and the file is replaced when it can be; a
 * changed rule rebuilds the automata.
 */
class AutomataCacheTest {
    private static final Path DEBIAN = Path.of("/etc/logcheck");
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir Path tmp;
    private int runs;
    private final List<String> debug = new ArrayList<>();

    @Test
    void reportsOnDebiansRulesAreTheSameWithAndWithoutTheCache() throws IOException {
        assumeTrue(Files.isDirectory(DEBIAN.resolve("ignore.d.server")), "Debian's logcheck rules");
        sameWithAndWithoutCache(DEBIAN);
    }

    @Test
    void reportsOnTheBundledRulesAreTheSameWithAndWithoutTheCache() throws IOException {
        sameWithAndWithoutCache(null);
    }

    private void sameWithAndWithoutCache(Path rules) throws IOException {
        Path first = corpus(rules, 1, 6000);
        Path second = corpus(rules, 2, 6000);
        Path cache = tmp.resolve("cache");
        String plain = report(rules, first, null);
        assertThat(plain).contains("System Events");

        assertThat(report(rules, first, cache)).isEqualTo(plain); // cold: builds and writes
        Path file = cache.resolve(AutomataCacheFile.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                .isEqualTo("rwx------");
        byte[] written = Files.readAllBytes(file);
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        // warm: the automata are read, no state is new, so the file is not written again
        assertThat(report(rules, first, cache)).isEqualTo(plain);
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
                .isEqualTo(inode);
        assertThat(Files.readAllBytes(file)).isEqualTo(written);

        // other lines: the stored states are used, new ones built, and the file grows when
        // there are enough of them (2% more) to be worth writing
        assertThat(report(rules, second, cache)).isEqualTo(report(rules, second, null));
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(written.length);
        assertThat(report(rules, first, cache)).isEqualTo(plain);
        assertThat(debug).isEmpty();
    }

    /** Ways a cache file can be unusable. */
    enum Damage {
        BYTE_FLIPPED,
        TRUNCATED,
        CUT_TO_TEN_BYTES,
        EMPTY,
        NOT_A_CACHE,
        WORLD_WRITABLE,
        GROUP_WRITABLE,
        SYMBOLIC_LINK,
        DIRECTORY,
        CONTENT_CUT_SHORT_WITH_A_VALID_CHECKSUM,
        ANOTHER_FORMAT_WITH_A_VALID_CHECKSUM
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void anUnusableCacheIsIgnoredTheReportIsUnchangedAndTheFileReplaced(Damage damage)
            throws IOException {
        Path rules = bundledCopy();
        Path log = corpus(rules, 3, 3000);
        Path cache = tmp.resolve("cache");
        String plain = report(rules, log, null);
        report(rules, log, cache);
        Path file = cache.resolve(AutomataCacheFile.FILE_NAME);
        byte[] good = Files.readAllBytes(file);
        damage(file, good, damage);

        assertThat(report(rules, log, cache)).isEqualTo(plain);
        assertThat(debug.get(0)).contains(file.toString()).contains("ignored");
        assertThat(debug).allMatch(line -> line.lines().count() == 1);
        boolean replaceable = damage != Damage.DIRECTORY && damage != Damage.SYMBOLIC_LINK;
        if (replaceable) {
            assertThat(debug).hasSize(1);
        } else {
            // never followed nor removed: refused, and said so once more for the write
            assertThat(debug).hasSize(2);
            assertThat(debug.get(1)).contains("not written");
        }

        if (replaceable) {
            // rebuilt and written back: the next run uses it without a word
            assertThat(Files.isSymbolicLink(file)).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            debug.clear();
            assertThat(report(rules, log, cache)).isEqualTo(plain);
            assertThat(debug).isEmpty();
        }
    }

    @Test
    void aCacheOfAnotherUserIsNeitherReadNorReplaced() throws IOException {
        assumeTrue(SafeFiles.currentUid() == 0, "needs root to give a file away");
        Path rules = bundledCopy();
        Path log = corpus(rules, 4, 3000);
        Path cache = tmp.resolve("cache");
        String plain = report(rules, log, null);
        report(rules, log, cache);
        Path file = cache.resolve(AutomataCacheFile.FILE_NAME);
        Files.setAttribute(file, "unix:uid", 65534);

        assertThat(report(rules, log, cache)).isEqualTo(plain);
        assertThat(debug).hasSize(2);
        assertThat(debug.get(0)).contains("ignored").contains("uid 65534");
        assertThat(debug.get(1)).contains("not written");
        assertThat(Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(65534);
    }

    @Test
    void aChangedRuleRebuildsTheAutomata() throws IOException {
        Path rules = bundledCopy();
        Path log = corpus(rules, 5, 3000);
        Path cache = tmp.resolve("cache");
        String before = report(rules, log, cache);

        // a rule that ignores every line: with stale automata the report would stay the same
        Path ignore = rules.resolve("ignore.d.server/zz-everything");
        Files.writeString(ignore, ".*\n");
        String plain = report(rules, log, null);
        assertThat(plain).isNotEqualTo(before);

        assertThat(report(rules, log, cache)).isEqualTo(plain);
        assertThat(debug).singleElement().asString().contains("other rules");
    }

    @Test
    void noStoreNoFile() throws IOException {
        Path rules = bundledCopy();
        Path log = corpus(rules, 6, 500);
        report(rules, log, null);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("cache"));
        }
    }

    @Test
    void aDryRunDoesNotCreateTheCacheDirectory() throws IOException {
        Path rules = bundledCopy();
        Path log = corpus(rules, 7, 500);
        Path cache = tmp.resolve("no-such-dir");
        CheckSettings s = settings(rules, log);
        AutomataStore store = AutomataCacheFile.forRun(cache, s, debug::add); // s is a dry run
        new CheckService(CLOCK, () -> {}, x -> store).run(s, List.of(new CheckFixture.Recorder()));
        assertThat(cache).doesNotExist();
    }

    private void damage(Path file, byte[] good, Damage damage) throws IOException {
        switch (damage) {
            case BYTE_FLIPPED -> {
                byte[] bad = good.clone();
                bad[bad.length / 2] ^= 0x10;
                Files.write(file, bad);
            }
            case TRUNCATED -> Files.write(file, Arrays.copyOf(good, good.length / 2));
            case CUT_TO_TEN_BYTES -> Files.write(file, Arrays.copyOf(good, 10));
            case EMPTY -> Files.write(file, new byte[0]);
            case NOT_A_CACHE -> Files.writeString(file, "hello\n".repeat(1000));
            case WORLD_WRITABLE ->
                    Files.setPosixFilePermissions(
                            file, PosixFilePermissions.fromString("rw-rw-rw-"));
            case GROUP_WRITABLE ->
                    Files.setPosixFilePermissions(
                            file, PosixFilePermissions.fromString("rw-rw----"));
            case SYMBOLIC_LINK -> {
                Path elsewhere = tmp.resolve("elsewhere.cache");
                Files.write(elsewhere, good);
                Files.delete(file);
                Files.createSymbolicLink(file, elsewhere);
            }
            case DIRECTORY -> {
                Files.delete(file);
                Files.createDirectory(file);
            }
            case CONTENT_CUT_SHORT_WITH_A_VALID_CHECKSUM -> {
                // a well-framed file whose content stops in the middle of the automata
                int header = 8 + 4 + 32 + 4;
                int content = ByteBuffer.wrap(good).getInt(header - 4) / 2;
                byte[] bad = Arrays.copyOf(good, header + content + 4);
                ByteBuffer.wrap(bad).putInt(header - 4, content);
                sealed(file, bad);
            }
            case ANOTHER_FORMAT_WITH_A_VALID_CHECKSUM -> {
                byte[] bad = good.clone();
                ByteBuffer.wrap(bad).putInt(8, AutomataStore.FORMAT + 1);
                sealed(file, bad);
            }
        }
    }

    /** Writes {@code bytes} with a correct checksum in their last four. */
    private static void sealed(Path file, byte[] bytes) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        Files.write(file, bytes);
    }

    /** The bundled rules unpacked into a folder the test may edit. */
    private Path bundledCopy() throws IOException {
        Path dir = tmp.resolve("bundled");
        if (!Files.isDirectory(dir)) {
            BundledRules.extractTo(dir);
        }
        return BundledRules.logcheckTree(dir);
    }

    /** Lines sampled from the rules (null: the bundled ones). */
    private Path corpus(Path rules, long seed, int lines) throws IOException {
        var tree =
                rules == null
                        ? new RuleSetup(null, Level.SERVER, options()).load()
                        : RuleTreeLoader.load(rules, Level.SERVER);
        Path log = tmp.resolve("syslog-" + seed);
        Files.write(log, new SyslogCorpus(seed, tree, false).lines(lines));
        return log;
    }

    private static CheckOptions options() {
        return CheckOptions.defaults(Profile.LOGCHECK_1_4).withIntro(false);
    }

    private CheckSettings settings(Path rules, Path log) {
        return new CheckSettings(
                rules,
                Level.SERVER,
                options(),
                List.of(log),
                null,
                64 * 1024,
                tmp.resolve("state-" + runs++),
                true,
                ReportFormat.TEXT,
                "web1",
                false,
                false);
    }

    /** The report of a dry run over {@code log}, with the cache in {@code cache} or none. */
    private String report(Path rules, Path log, Path cache) {
        CheckSettings s = settings(rules, log);
        AutomataStore store =
                cache == null
                        ? AutomataStore.NONE
                        : new AutomataCacheFile(cache, "test " + rules, true, debug::add);
        CheckFixture.Recorder out = new CheckFixture.Recorder();
        CheckOutcome outcome = new CheckService(CLOCK, () -> {}, x -> store).run(s, List.of(out));
        assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.OK);
        return out.reports.isEmpty() ? "" : out.lastBody();
    }
}
