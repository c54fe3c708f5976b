package dev.logsentry.core.rules.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.edit.RulePart.Kind;
import dev.logsentry.core.rules.ere.CompiledEre;
import dev.logsentry.core.rules.ere.EreTranslator;
import dev.logsentry.core.rules.ere.PatternMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreRuleBuilderTest {

    private static final String PREFIX = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) ";
    private static final String SSH =
            "Dec  4 10:15:02 gw sshd[4711]: Accepted publickey for alice from 192.0.2.7 port 52144"
                    + " ssh2: ED25519 SHA256:abc";
    private static final String SSH_ISO =
            "2026-12-04T10:15:02.123456+01:00 gw sshd[4711]: Accepted publickey for alice from"
                    + " 192.0.2.7 port 52144 ssh2: ED25519 SHA256:abc";

    @TempDir Path work;

    private static boolean matches(String pattern, String line) throws Exception {
        CompiledEre ere = EreTranslator.compile(pattern, false);
        return PatternMatch.find(ere.pattern().matcher(line));
    }

    private static List<Kind> kinds(IgnoreRuleDraft d) {
        return d.parts().stream().map(RulePart::kind).toList();
    }

    @Test
    void buildsTheShippedPrefixWithHostAndPidGeneralised() throws Exception {
        IgnoreRuleDraft d = IgnoreRuleBuilder.fromLine(SSH);
        assertThat(d.program()).isEqualTo("sshd");
        assertThat(d.pattern())
                .isEqualTo(
                        PREFIX
                                + "[._[:alnum:]-]+ sshd\\[[[:digit:]]+\\]: Accepted publickey for"
                                + " alice from 192\\.0\\.2\\.7 port 52144 ssh2: ED25519"
                                + " SHA256:abc$");
        assertThat(kinds(d))
                .containsSubsequence(
                        Kind.TIMESTAMP, Kind.HOST, Kind.PID, Kind.USER, Kind.IPV4, Kind.PORT);
        assertThat(matches(d.pattern(), SSH)).isTrue();
        assertThat(matches(d.pattern(), SSH_ISO)).isTrue();
        assertThat(RuleValidator.validate(d.pattern(), Category.IGNORE).diagnostics()).isEmpty();
    }

    @Test
    void eachVariablePartGeneralisesOneClickAtATime() throws Exception {
        IgnoreRuleDraft d = IgnoreRuleBuilder.fromLine(SSH);
        String other =
                "Dec  5 11:00:00 web2 sshd[99]: Accepted publickey for bob from 198.51.100.3 port"
                        + " 40000 ssh2: ED25519 SHA256:abc";
        assertThat(matches(d.pattern(), other)).isFalse();
        IgnoreRuleDraft g = d.generaliseAll(Kind.USER, true);
        assertThat(g.pattern()).contains("for [._[:alnum:]-]+ from");
        assertThat(matches(g.pattern(), other)).isFalse();
        g = g.generaliseAll(Kind.IPV4, true);
        assertThat(matches(g.pattern(), other)).isFalse();
        g = g.generaliseAll(Kind.PORT, true);
        assertThat(matches(g.pattern(), other)).isTrue();
        assertThat(matches(g.pattern(), SSH)).isTrue();
        int pid = kinds(g).indexOf(Kind.PID);
        IgnoreRuleDraft pinned = g.generalise(pid, false);
        assertThat(pinned.pattern()).contains("sshd\\[4711\\]");
        assertThat(matches(pinned.pattern(), other)).isFalse();
        IgnoreRuleDraft last = g;
        assertThat(last.variableParts()).allMatch(i -> last.parts().get(i).kind().variable());
    }

    @Test
    void recognisesAddressesPathsHexIdsAndNumbers() throws Exception {
        String line =
                "Dec  4 10:15:02 mx postfix/smtpd[123]: 4F2A1B3C9D: client=mail.example.org"
                        + "[2001:db8::1], sasl_username=x, size=2048 0x1f /var/spool/x.tmp";
        IgnoreRuleDraft d = IgnoreRuleBuilder.fromLine(line);
        List<String> variable = new ArrayList<>();
        for (int i : d.variableParts()) {
            variable.add(d.parts().get(i).kind() + "=" + d.parts().get(i).text());
        }
        assertThat(variable)
                .containsExactly(
                        "HOST=mx",
                        "PID=123",
                        "HEX=4F2A1B3C9D",
                        "DOMAIN=mail.example.org",
                        "IPV6=2001:db8::1",
                        "NUMBER=2048",
                        "HEX=0x1f",
                        "PATH=/var/spool/x.tmp");
        IgnoreRuleDraft all = d;
        for (int i : d.variableParts()) {
            all = all.generalise(i, true);
        }
        assertThat(matches(all.pattern(), line)).isTrue();
        assertThat(all.pattern()).contains("0x[[:xdigit:]]+").contains("/[^[:space:]]*");
        assertThat(d.proposePlace(null, Level.SERVER).path().toString())
                .isEqualTo("ignore.d.server/local-postfix-smtpd");
    }

    @Test
    void linesWithoutAHeaderAreEscapedWhole() throws Exception {
        String line = "weird (line) with [brackets] * and {braces} + a|b ^$ \\ end.";
        IgnoreRuleDraft d = IgnoreRuleBuilder.fromLine(line);
        assertThat(d.program()).isNull();
        assertThat(matches(d.pattern(), line)).isTrue();
        assertThat(matches(d.pattern(), line + "x")).isFalse();
        assertThat(d.proposePlace(null, Level.WORKSTATION).path().name()).isEqualTo("local");
    }

    @Test
    void proposesACategoryThatCanDropTheLineAndARunPartsName() {
        IgnoreRuleDraft d = IgnoreRuleBuilder.fromLine(SSH);
        assertThat(d.proposePlace(null, Level.SERVER).path().toString())
                .isEqualTo("ignore.d.server/local-sshd");
        assertThat(d.proposePlace(Category.VIOLATIONS, Level.SERVER).path().toString())
                .isEqualTo("violations.ignore.d/local-sshd");
        assertThat(d.proposePlace(Category.CRACKING, Level.SERVER).why())
                .contains("SUPPORT_CRACKING_IGNORE");
        for (String program : List.of("CRON", "postfix/smtpd", "/usr/sbin/cron", "foo.bar", "ä")) {
            String name = IgnoreRuleDraft.localFileName(program);
            assertThat(RulePath.runPartsAccepts(name)).as(name).isTrue();
        }
        assertThat(IgnoreRuleDraft.localFileName("/usr/sbin/cron")).isEqualTo("local-cron");
    }

    /** The escaped rule selects exactly the line, and each generalisation what grep says. */
    @Test
    void grepAgreesWithTheBuiltRules() throws Exception {
        assumeTrue(GrepRunner.available(), "grep missing");
        String hostile = "Dec  4 10:15:02 gw prog[1]: a.b (c) [d] {1,2} e+ f* g? h|i ^ $ \\x end";
        List<String> lines = List.of(SSH, SSH_ISO, hostile, hostile.replace("a.b", "axb"));
        for (String line : List.of(SSH, hostile)) {
            IgnoreRuleDraft d = IgnoreRuleBuilder.fromLine(line);
            for (IgnoreRuleDraft v : List.of(d, d.generaliseAll(Kind.PORT, true))) {
                List<String> ours = new ArrayList<>();
                for (String l : lines) {
                    if (matches(v.pattern(), l)) {
                        ours.add(l);
                    }
                }
                assertThat(GrepRunner.select(v.pattern(), lines, work)).isEqualTo(ours);
                assertThat(ours).contains(line);
            }
        }
    }
}
