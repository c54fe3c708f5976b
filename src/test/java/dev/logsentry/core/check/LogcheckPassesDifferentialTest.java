package dev.logsentry.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corners of logcheck's three passes, against the real logcheck on a small rule tree made for
 * them: ignore files named after the section and {@code logcheck-<name>}, the special {@code
 * logcheck} files, {@code local} and {@code local-*}, SUPPORT_CRACKING_IGNORE (with and without an
 * attack reported), run-parts names, levels, SORTUNIQ, INTRO and custom subjects.
 */
class LogcheckPassesDifferentialTest {

    private static final String[] WORDS = {
        "ATTACK", "benign", "local", "kaboom", "denied", "ok", "failed", "harmless", "error",
        "ignored", "foo", "other", "x", "normal", "boring", "chatty", "everything", "Error"
    };

    @TempDir Path work;

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of(Level.SERVER, List.of()),
                Arguments.of(Level.WORKSTATION, List.of()),
                Arguments.of(Level.PARANOID, List.of()),
                Arguments.of(Level.SERVER, List.of("SUPPORT_CRACKING_IGNORE=1")),
                Arguments.of(Level.SERVER, List.of("SORTUNIQ=1", "INTRO=0")),
                Arguments.of(
                        Level.SERVER,
                        List.of(
                                "ATTACKSUBJECT=\"Alarm\"",
                                "SECURITYSUBJECT=\"Sec\"",
                                "EVENTSSUBJECT=\"Other stuff\"")));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void passesMatchRealLogcheck(Level level, List<String> config) throws Exception {
        assumeTrue(Files.isExecutable(RealLogcheck.LOGCHECK), "logcheck is not installed");
        assumeTrue(RealLogcheck.available(), "must run as root with a logcheck user");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path rules = ruleTree(work.resolve("rules"));
        byte[] log = log(new Random(level.ordinal() * 31L + config.size()), 1500);

        byte[] expected =
                RealLogcheck.run(
                        Files.createDirectory(work.resolve("run")), log, rules, level, "C", config);
        CheckOptions options = CheckOptions.defaults(Profile.LOGCHECK_1_4);
        for (String line : config) {
            options =
                    switch (line) {
                        case "SUPPORT_CRACKING_IGNORE=1" -> options.withSupportCrackingIgnore(true);
                        case "SORTUNIQ=1" -> options.withSortUniq(true);
                        case "INTRO=0" -> options.withIntro(false);
                        default -> options.withSubjects("Alarm", "Sec", "Other stuff");
                    };
        }
        byte[] actual =
                LogcheckDifferentialTest.ours(RuleTreeLoader.load(rules, level), log, options);

        assertThat(new String(actual, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
    }

    @org.junit.jupiter.api.Test
    void crackingIgnoreThatLeavesNoAttackKeepsCrackingLinesInViolations() throws Exception {
        assumeTrue(Files.isExecutable(RealLogcheck.LOGCHECK), "logcheck is not installed");
        assumeTrue(RealLogcheck.available(), "must run as root with a logcheck user");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path rules = ruleTree(work.resolve("rules"));
        byte[] log =
                ("Nov  1 00:00:01 h1 prog[1]: ATTACK benign denied\n"
                                + "Nov  1 00:00:02 h1 prog[1]: ATTACK local failed\n"
                                + "Nov  1 00:00:03 h1 prog[1]: plain failed\n"
                                + "Nov  1 00:00:04 h1 prog[1]: kaboom ok error\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
        List<String> config = List.of("SUPPORT_CRACKING_IGNORE=1");

        byte[] expected =
                RealLogcheck.run(
                        Files.createDirectory(work.resolve("run")),
                        log,
                        rules,
                        Level.SERVER,
                        "C",
                        config);
        byte[] actual =
                LogcheckDifferentialTest.ours(
                        RuleTreeLoader.load(rules, Level.SERVER),
                        log,
                        CheckOptions.defaults(Profile.LOGCHECK_1_4)
                                .withSupportCrackingIgnore(true));

        assertThat(new String(expected, StandardCharsets.ISO_8859_1))
                .contains("ATTACK benign denied");
        assertThat(new String(actual, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
    }

    static byte[] log(Random random, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            StringBuilder line =
                    new StringBuilder(
                            String.format(
                                    "Nov %2d %02d:%02d:%02d h%d prog[%d]:",
                                    1 + random.nextInt(3),
                                    random.nextInt(3),
                                    random.nextInt(60),
                                    random.nextInt(4),
                                    random.nextInt(3),
                                    random.nextInt(9)));
            int words = 1 + random.nextInt(3);
            for (int w = 0; w < words; w++) {
                line.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            if (random.nextInt(20) == 0) {
                line.append(" \t");
            }
            out.writeBytes(line.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write('\n');
            if (random.nextInt(25) == 0) {
                out.writeBytes(line.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** A rule tree exercising every rule of greplogoutput and cleanrules. */
    static Path ruleTree(Path root) throws IOException {
        write(root, "cracking.d/attackd", "# attacks\n\nATTACK\n");
        write(root, "cracking.d/logcheck", "kaboom\nATTACK x\n");
        write(root, "cracking.d/zz", "# only a comment\n   \n");
        write(root, "cracking.ignore.d/attackd", "ATTACK benign\n");
        write(root, "cracking.ignore.d/local-x", "ATTACK local\n");
        write(root, "cracking.ignore.d/logcheck-logcheck", "kaboom ok\n");
        write(root, "violations.d/kernel", "denied\nfailed\n");
        write(root, "violations.d/logcheck", "failed|[Ee]rror\nkaboom\n");
        write(root, "violations.d/logchecker", "error x\n");
        write(root, "violations.d/sudo.disabled", "normal\n");
        write(root, "violations.d/sudo~", "normal\n");
        write(root, "violations.ignore.d/logcheck-kernel", "denied ok\n");
        write(root, "violations.ignore.d/kernel", "failed harmless\n");
        write(root, "violations.ignore.d/local", "error ignored\n");
        write(root, "violations.ignore.d/local-foo", "denied foo\n");
        write(root, "violations.ignore.d/other", "[Ee]rror other\n");
        write(root, "ignore.d.paranoid/a", "boring\n");
        write(root, "ignore.d.server/a", "normal$\n#comment\n");
        write(root, "ignore.d.server/.hidden", ".*\n");
        write(root, "ignore.d.server/b.disabled", ".*\n");
        write(root, "ignore.d.workstation/b", "chatty\neverything\n");
        write(root, "header.txt", "This is the header.\n");
        write(root, "footer.txt", "-- \nfooter\n");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.setPosixFilePermissions(
                file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
