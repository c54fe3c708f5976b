package dev.logsentry.core.rules.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code # sample:} comments cost logcheck nothing: its cleanrules drops them, and so do we. */
class SampleCommentsTest {

    private static final Path LOGCHECK = Path.of("/usr/sbin/logcheck");
    private static final String CLEAN = "grep -E --text -v '^[[:space:]]*$|^#'";

    @TempDir Path dir;

    @Test
    void logchecksCleanrulesDropsSampleLinesAndTheLoaderToo() throws Exception {
        assumeTrue(Files.isReadable(LOGCHECK), "logcheck missing");
        String script = Files.readString(LOGCHECK, StandardCharsets.ISO_8859_1);
        assertThat(script).as("logcheck's cleanrules command").contains(CLEAN);
        Path file = dir.resolve("ignore.d.server/local-x");
        Files.createDirectories(file.getParent());
        String rules =
                "# sample: Dec  4 10:00:00 gw x[1]: hello\n"
                        + "^x hello$\n"
                        + "#sample:no space\n"
                        + "  \n"
                        + "^y$\n";
        Files.writeString(file, rules);
        Process p =
                new ProcessBuilder(
                                "/usr/bin/grep",
                                "-E",
                                "--text",
                                "-v",
                                "^[[:space:]]*$|^#",
                                file.toString())
                        .start();
        String cleaned = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        p.waitFor(10, TimeUnit.SECONDS);
        assertThat(cleaned).isEqualTo("^x hello$\n^y$\n");
        assertThat(RuleTreeLoader.load(dir, Level.SERVER).rules())
                .extracting(Rule::source)
                .containsExactlyElementsOf(List.of(cleaned.split("\n")));
        assertThat(RuleDocument.open(file).snapshot().patterns())
                .containsExactlyElementsOf(List.of(cleaned.split("\n")));
    }
}
