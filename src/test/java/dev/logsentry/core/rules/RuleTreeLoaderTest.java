package dev.logsentry.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** logcheck's cleanrules: which files, which lines, how levels combine, what a bad rule does. */
class RuleTreeLoaderTest {

    @TempDir Path root;

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void readsOnlyFileNamesRunPartsAccepts() throws IOException {
        write("ignore.d.server/good_name-1", "a\n");
        write("ignore.d.server/bad.disabled", "b\n");
        write("ignore.d.server/backup~", "c\n");
        write("ignore.d.server/.hidden", "d\n");
        write("ignore.d.server/dir/inner", "e\n");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        assertThat(tree.files(Category.IGNORE))
                .extracting(RuleFile::name)
                .containsExactly("good_name-1");
    }

    @Test
    void dropsCommentsAndBlankLinesButNotIndentedHashes() throws IOException {
        write("violations.d/x", "# comment\n\n \t \nrule one\n  # not a comment\nlast");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        assertThat(tree.rules())
                .extracting(Rule::source)
                .containsExactly("rule one", "  # not a comment", "last");
        assertThat(tree.rules()).extracting(Rule::line).containsExactly(4, 5, 6);
    }

    @Test
    void concatenatesSameNamedIgnoreFilesFromTheLevelsInUse() throws IOException {
        write("ignore.d.paranoid/ssh", "p\n");
        write("ignore.d.server/ssh", "s\n");
        write("ignore.d.workstation/ssh", "w\n");
        write("ignore.d.workstation/only", "o\n");
        assertThat(RuleTreeLoader.load(root, Level.WORKSTATION).rules())
                .extracting(Rule::source)
                .containsExactly("o", "w", "s", "p");
        assertThat(RuleTreeLoader.load(root, Level.SERVER).rules())
                .extracting(Rule::source)
                .containsExactly("s", "p");
        assertThat(RuleTreeLoader.load(root, Level.PARANOID).rules())
                .extracting(Rule::source)
                .containsExactly("p");
    }

    @Test
    void aBadRuleIsReportedWithFileAndLineAndTheOthersStillLoad() throws IOException {
        write("cracking.d/k", "good\n[[:nope:]]\nalso good\n");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        assertThat(tree.rules()).extracting(Rule::source).containsExactly("good", "also good");
        assertThat(tree.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.file()).isEqualTo(root.resolve("cracking.d/k"));
                            assertThat(p.line()).isEqualTo(2);
                            assertThat(p.toString()).contains("k:2: Invalid character class name");
                        });
    }

    @Test
    void ruleIdsAreDenseInCategoryThenFileOrder() throws IOException {
        write("violations.d/b", "v2\n");
        write("violations.d/a", "v1\n");
        write("cracking.d/z", "c\n");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        assertThat(tree.rules()).extracting(Rule::source).containsExactly("c", "v1", "v2");
        assertThat(tree.rules()).extracting(Rule::id).containsExactly(0, 1, 2);
    }

    @Test
    void knowsWhichDirectoriesExistAndReadsHeaderAndFooter() throws IOException {
        Files.createDirectories(root.resolve("cracking.d"));
        write("header.txt", "Hello\n");
        RuleTree tree = RuleTreeLoader.load(root, Level.SERVER);
        assertThat(tree.hasDirectory(Category.CRACKING)).isTrue();
        assertThat(tree.hasDirectory(Category.VIOLATIONS)).isFalse();
        assertThat(tree.header()).contains("Hello\n");
        assertThat(tree.footer()).isEmpty();
    }

    @Test
    void classicFilesAreUsedAsGrepReadsThemWithHackingAndViolationsIgnoringCase()
            throws IOException {
        write("logcheck.hacking", "# literal\nattack\n");
        write("logcheck.ignore", "noise\n");
        RuleTree tree = RuleTreeLoader.loadClassic(root);
        assertThat(tree.rules())
                .extracting(Rule::source)
                .containsExactly("# literal", "attack", "noise");
        assertThat(tree.rules().get(1).matches("ATTACK")).isTrue();
        assertThat(tree.rules().get(2).matches("NOISE")).isFalse();
        assertThat(tree.hasDirectory(Category.VIOLATIONS)).isFalse();
    }
}
