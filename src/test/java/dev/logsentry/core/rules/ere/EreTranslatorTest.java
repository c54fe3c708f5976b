package dev.logsentry.core.rules.ere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Behaviour of the ERE translation; each expectation was checked against GNU grep 3.8 with LC_ALL=C
 * (and {@code GrepDifferentialTest} keeps checking them against the installed grep).
 */
class EreTranslatorTest {

    private static boolean matches(String ere, String line) throws EreSyntaxException {
        return EreTranslator.compile(ere, false).pattern().matcher(line).find();
    }

    @Test
    void posixClassesAreTranslatedNotPassedThrough() throws Exception {
        assertThat(matches("^[[:alnum:]]+$", "abc123")).isTrue();
        assertThat(matches("[[:alnum:]]", ":")).isFalse();
        assertThat(matches("^[[:space:]]$", "\u000b")).isTrue();
        assertThat(matches("[[:xdigit:]]{4}", "00fF")).isTrue();
        assertThat(matches("[[:punct:]]", "_")).isTrue();
        assertThat(EreTranslator.translate("[[:digit:]]")).doesNotContain("[:");
    }

    @Test
    void negatedAndMixedBracketsCombineClassesAndCharacters() throws Exception {
        assertThat(matches("^[^[:space:]x]+$", "abc")).isTrue();
        assertThat(matches("[^[:space:]x]", "x x")).isFalse();
        assertThat(matches("^[._[:alnum:]-]+$", "mail.example-1_a")).isTrue();
        assertThat(matches("[[:alpha:][:digit:]]", "5")).isTrue();
    }

    @Test
    void closingBracketFirstAndDashAtEitherEndAreLiteral() throws Exception {
        assertThat(matches("[]a]", "]")).isTrue();
        assertThat(matches("[^]a]", "]")).isFalse();
        assertThat(matches("[a-]", "-")).isTrue();
        assertThat(matches("[-a]", "-")).isTrue();
        assertThat(matches("[%--]", ",")).isTrue();
    }

    @Test
    void backslashInsideBracketsIsLiteral() throws Exception {
        assertThat(matches("[a\\]", "\\")).isTrue();
        assertThat(matches("[\\n]", "n")).isTrue();
    }

    @Test
    void wordAnchorsUseAsciiWordCharactersOnly() throws Exception {
        assertThat(matches("\\<foo\\>", "a foo b")).isTrue();
        assertThat(matches("\\<foo\\>", "afoo")).isFalse();
        assertThat(matches("\\bx", "y x")).isTrue();
        assertThat(matches("x\\Ba", "xa")).isTrue();
        // byte 0xE9 is a letter to Java's \b but not to grep in the C locale
        assertThat(matches("\\bfoo", "\u00e9foo")).isTrue();
        assertThat(matches("a\\wb", "a\u00e9b")).isFalse();
    }

    @Test
    void backReferencesRepeatTheGroup() throws Exception {
        assertThat(matches("^(ab)\\1$", "abab")).isTrue();
        assertThat(matches("^(ab)\\1$", "abba")).isFalse();
    }

    @Test
    void intervalsAndInvalidIntervals() throws Exception {
        assertThat(matches("^a{2,3}$", "aaa")).isTrue();
        assertThat(matches("^a{2,3}$", "aaaa")).isFalse();
        assertThat(matches("^a{,2}b$", "b")).isTrue();
        assertThat(matches("a{1", "a{1")).isTrue();
        assertThat(matches("a{1", "a")).isFalse();
        assertThat(matches("a{x}", "a{x}")).isTrue();
    }

    @Test
    void quantifierWithNothingBeforeItAppliesToTheEmptyString() throws Exception {
        assertThat(matches("*a", "a")).isTrue();
        assertThat(matches("*a", "b")).isFalse();
        assertThat(matches("(+a)", "+")).isFalse();
        assertThat(matches("^*a", "b*a")).isTrue();
    }

    @Test
    void stackedQuantifiersAreNotLazyOrPossessive() throws Exception {
        assertThat(matches("^a+?$", "")).isTrue();
        assertThat(matches("^xa++$", "xaa")).isTrue();
        assertThat(matches("^x{1}{2}$", "xx")).isTrue();
    }

    @Test
    void strayBackslashMatchesTheCharacterAndUnmatchedCloseParenIsLiteral() throws Exception {
        assertThat(matches("\\d", "d")).isTrue();
        assertThat(matches("\\:", ":")).isTrue();
        assertThat(matches("a)", "a)")).isTrue();
    }

    @Test
    void dollarMatchesOnlyAtTheVeryEnd() throws Exception {
        assertThat(matches("a$", "a\r")).isFalse();
        assertThat(matches("a$", "a\u0085")).isFalse();
        assertThat(matches("a$", "a")).isTrue();
    }

    @Test
    void dotMatchesEveryByte() throws Exception {
        assertThat(matches("a.b", "a\u0000b")).isTrue();
        assertThat(matches("a.b", "a\u0085b")).isTrue();
        assertThat(matches("a.b", "a\rb")).isTrue();
    }

    @Test
    void caseInsensitiveMatchingFoldsAsciiLettersOnly() throws Exception {
        CompiledEre ere = EreTranslator.compile("attack [[:upper:]]", true);
        assertThat(ere.pattern().matcher("ATTACK x").find()).isTrue();
        assertThat(EreTranslator.compile("\u00e9", true).pattern().matcher("\u00c9").find())
                .isFalse();
    }

    @Test
    void patternsGrepRejectsAreRejectedWithGrepsMessage() {
        assertThatThrownBy(() -> EreTranslator.compile("a{2,1}", false))
                .hasMessage("Invalid content of \\{\\}");
        assertThatThrownBy(() -> EreTranslator.compile("[[:foo:]]", false))
                .hasMessage("Invalid character class name");
        assertThatThrownBy(() -> EreTranslator.compile("[z-a]", false))
                .hasMessage("Invalid range end");
        assertThatThrownBy(() -> EreTranslator.compile("a\\", false))
                .hasMessage("Trailing backslash");
        assertThatThrownBy(() -> EreTranslator.compile("(a", false))
                .hasMessage("Unmatched ( or \\(");
        assertThatThrownBy(() -> EreTranslator.compile("[a", false))
                .hasMessageStartingWith("Unmatched [");
        assertThatThrownBy(() -> EreTranslator.compile("[:space:]", false))
                .hasMessageContaining("[[:space:]]");
        assertThatThrownBy(() -> EreTranslator.compile("(a)\\2", false))
                .hasMessage("Invalid back reference");
        assertThatThrownBy(() -> EreTranslator.compile("a{99999}", false))
                .hasMessage("Regular expression too big");
    }

    @Test
    void requiredLiteralsComeFromTheLongestMandatoryRun() throws Exception {
        CompiledEre ere =
                EreTranslator.compile(
                        "^\\w{3} [ :[:digit:]]{11} [._[:alnum:]-]+ sshd\\[[[:digit:]]+\\]: Accepted"
                                + " publickey for [^ ]+$",
                        false);
        assertThat(ere.requiredLiterals()).containsExactly("]: Accepted publickey for ");
    }

    @Test
    void alternationNeedsALiteralInEveryBranch() throws Exception {
        assertThat(EreTranslator.compile("(foo|barbaz) x", false).requiredLiterals())
                .containsExactlyInAnyOrder("foo", "barbaz");
        assertThat(EreTranslator.compile("(foo|b)", false).requiredLiterals()).isEmpty();
        assertThat(EreTranslator.compile("(abcd)?xy", false).requiredLiterals()).isEmpty();
    }

    @Test
    void aParsedEreTranslatesOnFirstUseExactlyAsAnEagerCompile() throws Exception {
        String ere = "^\\w{3} [[:alnum:]]+ (sshd|cron)\\[[0-9]+\\]: \\<(ok|done)\\>$";
        for (boolean ignoreCase : new boolean[] {false, true}) {
            CompiledEre lazy = EreTranslator.parse(ere, ignoreCase);
            CompiledEre eager = EreTranslator.compile(ere, ignoreCase);
            assertThat(lazy.tree()).isEqualTo(eager.tree());
            assertThat(lazy.requiredLiterals()).isEqualTo(eager.requiredLiterals());
            assertThat(lazy.anchored()).isEqualTo(eager.anchored());
            assertThat(lazy.javaRegex()).isEqualTo(eager.javaRegex());
            assertThat(lazy.pattern().pattern()).isEqualTo(eager.pattern().pattern());
            assertThat(lazy.pattern().flags()).isEqualTo(eager.pattern().flags());
            assertThat(lazy.pattern().matcher("Dec host1 SSHD[12]: OK").find())
                    .isEqualTo(ignoreCase);
            assertThat(lazy.pattern()).isSameAs(lazy.pattern());
        }
        assertThatThrownBy(() -> EreTranslator.parse("a{99999}", false))
                .hasMessage("Regular expression too big");
    }
}
