package dev.logsentry.core.rules.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.edit.RuleDiagnostic.Code;
import dev.logsentry.core.rules.edit.RuleDiagnostic.Severity;
import dev.logsentry.core.rules.ere.EreToken;
import dev.logsentry.core.rules.ere.EreToken.Kind;
import dev.logsentry.core.rules.ere.PatternMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleValidatorTest {

    private static final String HEADER = "^(\\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) ";

    @TempDir Path work;

    private static RuleValidation ignore(String p) {
        return RuleValidator.validate(p, Category.IGNORE);
    }

    private static List<Code> codes(RuleValidation v) {
        return v.diagnostics().stream().map(RuleDiagnostic::code).toList();
    }

    @Test
    void aCleanShippedStyleRuleHasNoFindings() {
        RuleValidation v = ignore(HEADER + "[._[:alnum:]-]+ sshd\\[[[:digit:]]+\\]: Accepted$");
        assertThat(v.compiles()).isTrue();
        assertThat(v.diagnostics()).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesGrepsReasonAndItsPosition() {
        RuleValidation v = ignore("^foo (bar$");
        assertThat(v.compiles()).isFalse();
        RuleDiagnostic d = v.diagnostics().get(0);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.message()).contains("Unmatched ( or \\(");
        assertThat(d.start()).isEqualTo(5);
        RuleValidation range = ignore("^a[z-a]$");
        assertThat(range.diagnostics().get(0).start()).isEqualTo(4);
        assertThat(range.diagnostics().get(0).message()).contains("Invalid range end");
    }

    @Test
    void perlEscapesAreFlaggedAtTheirPosition() {
        RuleValidation v = ignore("^port \\d+ \\t$");
        assertThat(codes(v)).containsExactly(Code.PERL_ESCAPE, Code.PERL_ESCAPE);
        assertThat(v.diagnostics().get(0).start()).isEqualTo(6);
        assertThat(v.diagnostics().get(0).end()).isEqualTo(8);
        assertThat(v.diagnostics().get(0).message()).contains("letter 'd'").contains("[[:digit:]]");
    }

    @Test
    void gnuExtensionsAndEscapedPunctuationAreFine() {
        RuleValidation v = ignore("^\\w+\\s\\S+ \\<x\\> \\. \\[\\]\\-$");
        assertThat(v.diagnostics()).isEmpty();
    }

    @Test
    void perlGroupsLazyAndPossessiveQuantifiersAreFlagged() {
        assertThat(codes(ignore("^(?:foo|bar)$"))).containsExactly(Code.PERL_GROUP);
        assertThat(codes(ignore("^a.*?b$"))).containsExactly(Code.LAZY_QUANTIFIER);
        assertThat(ignore("^a.+?b$").diagnostics().get(0).message()).contains("(x*)");
        assertThat(codes(ignore("^a++b$"))).containsExactly(Code.POSSESSIVE_QUANTIFIER);
        assertThat(codes(ignore("^a[\\d]$"))).containsExactly(Code.BACKSLASH_IN_BRACKET);
    }

    @Test
    void anchorsAreRequiredInIgnoreFilesOnly() {
        assertThat(codes(ignore("sshd: Accepted")))
                .containsExactly(Code.UNANCHORED_START, Code.UNANCHORED_END);
        assertThat(codes(ignore("^(a$|b$)"))).isEmpty();
        assertThat(codes(ignore("^(a$|b)"))).containsExactly(Code.UNANCHORED_END);
        assertThat(RuleValidator.validate("sshd: Accepted", Category.CRACKING).diagnostics())
                .isEmpty();
        assertThat(codes(RuleValidator.validate("x", Category.VIOLATIONS_IGNORE)))
                .contains(Code.UNANCHORED_START);
    }

    @Test
    void unescapedDotsBetweenLiteralsAreFlaggedButWildcardsAreNot() {
        RuleValidation v = ignore("^host mail.example.org .*x$");
        assertThat(codes(v)).containsExactly(Code.UNESCAPED_DOT, Code.UNESCAPED_DOT);
        assertThat(v.diagnostics().get(0).start()).isEqualTo(10);
        assertThat(codes(ignore("^a\\.b [0-9]+.[0-9]$"))).isEmpty();
    }

    @Test
    void emptyRulesAndRulesMatchingEverythingAreFlagged() {
        assertThat(codes(ignore(""))).contains(Code.EMPTY);
        assertThat(codes(ignore("   "))).contains(Code.EMPTY);
        assertThat(codes(RuleValidator.validate("foo|", Category.CRACKING)))
                .containsExactly(Code.MATCHES_EVERY_LINE);
        assertThat(codes(RuleValidator.validate("x*", Category.CRACKING)))
                .containsExactly(Code.MATCHES_EVERY_LINE);
        assertThat(codes(ignore("^$"))).isEmpty();
    }

    @Test
    void trailingSpaceAndBackReferencesAreReported() {
        assertThat(codes(ignore("^foo$ "))).contains(Code.TRAILING_SPACE);
        RuleValidation back = ignore("^(a+)x\\1$");
        assertThat(codes(back)).containsExactly(Code.BACK_REFERENCE);
        assertThat(back.has(Severity.WARNING)).isFalse();
    }

    @Test
    void tokensCoverThePatternForColouring() {
        String p = "^(ab|c)+\\[x\\] [[:digit:]]{2,3}\\1 \\w$";
        RuleValidation v = ignore(p);
        List<Kind> kinds = v.tokens().stream().map(EreToken::kind).toList();
        assertThat(kinds)
                .containsExactly(
                        Kind.ANCHOR,
                        Kind.GROUP_OPEN,
                        Kind.LITERAL,
                        Kind.LITERAL,
                        Kind.ALTERNATION,
                        Kind.LITERAL,
                        Kind.GROUP_CLOSE,
                        Kind.QUANTIFIER,
                        Kind.ESCAPED_LITERAL,
                        Kind.LITERAL,
                        Kind.ESCAPED_LITERAL,
                        Kind.LITERAL,
                        Kind.BRACKET,
                        Kind.QUANTIFIER,
                        Kind.BACK_REFERENCE,
                        Kind.LITERAL,
                        Kind.CLASS_ESCAPE,
                        Kind.ANCHOR);
        assertContiguous(v.tokens(), p.length());
        RuleValidation bad = ignore("^ab(c[x");
        assertThat(bad.tokens().get(bad.tokens().size() - 1).kind()).isEqualTo(Kind.ERROR);
        assertContiguous(bad.tokens(), 7);
    }

    private static void assertContiguous(List<EreToken> tokens, int length) {
        int at = 0;
        for (EreToken t : tokens) {
            assertThat(t.start()).isEqualTo(at);
            at = t.end();
        }
        assertThat(at).isEqualTo(length);
    }

    /**
     * The warnings claim a meaning: grep -E must agree with it (and with our compiled pattern) on
     * lines that tell the readings apart, and accept or reject each pattern as we do.
     */
    @Test
    void warningsDescribeWhatGrepReallyDoes() throws Exception {
        assumeTrue(GrepRunner.available(), "grep missing");
        List<String> lines =
                List.of(
                        "d", "5", "t", "\t", ":a", "a", "ia", "xy", "xay", "x41", "A", "\\", "z",
                        "xaaay", "aa", "a.b", "axb", ".");
        String[][] cases = {
            {"^\\d$", "d"},
            {"^\\t$", "t"},
            {"^\\x41$", "x41"},
            {"^\\A$", "A"},
            {"^(?:a)$", ":a"},
            {"^(?i)a$", "ia"},
            {"^xa+?y$", "xy|xay|xaaay"},
            {"^xa*?y$", "xy|xay|xaaay"},
            {"^a++$", "a|aa"},
            {"^[\\d]$", "d|\\"},
            {"^a.b$", "a.b|axb"},
            {"^(a|)$", "a|"},
        };
        List<String> problems = new ArrayList<>();
        for (String[] c : cases) {
            List<String> grep = GrepRunner.select(c[0], lines, work);
            List<String> expected = List.of(c[1].split("\\|"));
            List<String> ours = new ArrayList<>();
            RuleValidation v = ignore(c[0]);
            for (String l : lines) {
                if (PatternMatch.find(v.compiled().pattern().matcher(l))) {
                    ours.add(l);
                }
            }
            if (!expected.containsAll(grep) || grep.size() != ours.size() || !grep.equals(ours)) {
                problems.add(c[0] + ": grep " + grep + ", ours " + ours);
            }
        }
        assertThat(problems).isEmpty();
        for (String p :
                List.of(
                        "a{1",
                        "a{2,1}",
                        "(a",
                        "a)",
                        "[[:foo:]]",
                        "[a",
                        "\\",
                        "a\\2",
                        "x{,3}",
                        "[:space:]",
                        "*a",
                        "a||b",
                        "[z-a]")) {
            boolean grepAccepts = GrepRunner.select(p, lines, work) != null;
            assertThat(ignore(p).compiles()).as(p).isEqualTo(grepAccepts);
        }
    }
}
