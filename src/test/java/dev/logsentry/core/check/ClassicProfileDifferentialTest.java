package dev.logsentry.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.report.ClassicTextReport;
import dev.logsentry.core.rules.BundledRules;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic profile against the search-and-report part of the seed's 1996 logcheck.sh, run with
 * the real grep ({@code egrep} is {@code grep -E}) on the bundled classic rules.
 */
class ClassicProfileDifferentialTest {

    /** The seed script's searches, verbatim except for file names and grep -E for egrep. */
    private static final String SEED =
            """
            GREP="grep -E"
            if [ -f "$HACKING_FILE" ]; then
            if $GREP -i -f $HACKING_FILE $TMPDIR/check.$$ > $TMPDIR/checkoutput.$$; then
            echo >> $TMPDIR/checkreport.$$
            echo "Active System Attack Alerts" >> $TMPDIR/checkreport.$$
            echo "=-=-=-=-=-=-=-=-=-=-=-=-=-=" >> $TMPDIR/checkreport.$$
            cat $TMPDIR/checkoutput.$$ >> $TMPDIR/checkreport.$$
            fi
            fi
            if [ -f "$VIOLATIONS_FILE" ]; then
            if $GREP -i -f $VIOLATIONS_FILE $TMPDIR/check.$$ |
            $GREP -v -f $VIOLATIONS_IGNORE_FILE > $TMPDIR/checkoutput.$$; then
            echo >> $TMPDIR/checkreport.$$
            echo "Security Violations" >> $TMPDIR/checkreport.$$
            echo "=-=-=-=-=-=-=-=-=-=" >> $TMPDIR/checkreport.$$
            cat $TMPDIR/checkoutput.$$ >> $TMPDIR/checkreport.$$
            fi
            fi
            if [ -f "$IGNORE_FILE" ]; then
            if $GREP -v -f $IGNORE_FILE $TMPDIR/check.$$ > $TMPDIR/checkoutput.$$; then
            echo >> $TMPDIR/checkreport.$$
            echo "Unusual System Events" >> $TMPDIR/checkreport.$$
            echo "=-=-=-=-=-=-=-=-=-=-=" >> $TMPDIR/checkreport.$$
            cat $TMPDIR/checkoutput.$$ >> $TMPDIR/checkreport.$$
            fi
            fi
            cat $TMPDIR/checkreport.$$ 2>/dev/null
            """;

    @TempDir Path work;

    @Test
    void classicReportIsIdenticalToTheSeedScript() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash missing");
        Path rules = BundledRules.classicDir(BundledRules.extractTo(work.resolve("rules")));
        RuleTree tree = RuleTreeLoader.loadClassic(rules);
        byte[] log = new SyslogCorpus(1996, null).lines(3000);
        byte[] extra =
                "Nov 25 10:00:00 h x: an attack on WIZ\nNov 25 10:00:01 h y: Login FAILED\n"
                        .getBytes(StandardCharsets.ISO_8859_1);
        log = concat(log, extra, LogcheckPassesDifferentialTest.log(new Random(5), 500));
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Files.write(tmp.resolve("check.1"), log);
        Path script = work.resolve("seed.sh");
        Files.writeString(script, SEED.replace("$$", "1"));
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString());
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().put("HACKING_FILE", rules.resolve("logcheck.hacking").toString());
        pb.environment().put("VIOLATIONS_FILE", rules.resolve("logcheck.violations").toString());
        pb.environment()
                .put(
                        "VIOLATIONS_IGNORE_FILE",
                        rules.resolve("logcheck.violations.ignore").toString());
        pb.environment().put("IGNORE_FILE", rules.resolve("logcheck.ignore").toString());
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] expected = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        CheckOptions options = CheckOptions.defaults(Profile.CLASSIC_1996);
        CheckResult result =
                new CheckEngine(tree, options)
                        .run(CheckInput.of(LogcheckDifferentialTest.split(log)));
        byte[] actual = new ClassicTextReport().toBytes(result);

        assertThat(result.sections()).hasSize(3);
        assertThat(new String(actual, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, at, p.length);
            at += p.length;
        }
        return r;
    }
}
