package dev.logsentry.core.rules.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleDocumentTest {

    private static final String TEXT =
            "# sshd rules\n"
                    + "\n"
                    + "# sample: Dec  4 10:00:00 gw sshd[1]: Accepted\n"
                    + "^x sshd\\[[0-9]+\\]: Accepted$\n"
                    + "  \t\n"
                    + "^x sshd\\[[0-9]+\\]: Closed\\. \\xff$\r\n"
                    + "#last\n";

    @TempDir Path dir;

    private Path write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
        return p;
    }

    @Test
    void keepsCommentsBlankLinesOrderAndLineNumbers() throws Exception {
        RuleDocument doc = RuleDocument.open(write("ignore.d.server/sshd", TEXT));
        assertThat(doc.size()).isEqualTo(7);
        assertThat(doc.lines().stream().map(RuleDocument.Line::kind).toList())
                .containsExactly(
                        RuleDocument.LineKind.COMMENT,
                        RuleDocument.LineKind.BLANK,
                        RuleDocument.LineKind.SAMPLE,
                        RuleDocument.LineKind.RULE,
                        RuleDocument.LineKind.BLANK,
                        RuleDocument.LineKind.RULE,
                        RuleDocument.LineKind.COMMENT);
        RuleFileSnapshot snap = doc.snapshot();
        assertThat(snap.rules()).extracting(RuleFileSnapshot.Entry::line).containsExactly(4, 6);
        assertThat(snap.rules().get(0).samples())
                .containsExactly("Dec  4 10:00:00 gw sshd[1]: Accepted");
        assertThat(snap.rules().get(1).samples()).isEmpty();
        assertThat(doc.category()).isEqualTo(Category.IGNORE);
        assertThat(doc.place().orElseThrow().level()).isEqualTo(Level.SERVER);
        assertThat(doc.text()).isEqualTo(TEXT);
    }

    @Test
    void theLoaderReadsTheSameRulesAtTheSameLines() throws Exception {
        write("ignore.d.server/sshd", TEXT);
        RuleTree tree = RuleTreeLoader.load(dir, Level.SERVER);
        RuleDocument doc = RuleDocument.open(dir.resolve("ignore.d.server/sshd"));
        assertThat(tree.rules())
                .extracting(Rule::line)
                .containsExactlyElementsOf(
                        doc.snapshot().rules().stream().map(RuleFileSnapshot.Entry::line).toList());
        assertThat(tree.rules())
                .extracting(Rule::source)
                .containsExactlyElementsOf(doc.snapshot().patterns());
    }

    @Test
    void editsUndoRedoAndSaveByteIdenticallyForUntouchedLines() throws Exception {
        Path file = write("ignore.d.server/sshd", TEXT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        RuleDocument doc = RuleDocument.open(file);
        assertThat(doc.readOnly()).isFalse();
        doc.replace(3, "^x sshd\\[[0-9]+\\]: Accepted publickey$");
        doc.insert(7, "^new$");
        assertThat(doc.modified()).isTrue();
        assertThat(doc.line(3).savedLine()).isEqualTo(4);
        assertThat(doc.line(7).savedLine()).isZero();
        assertThat(doc.undo()).isTrue();
        assertThat(doc.size()).isEqualTo(7);
        assertThat(doc.undo()).isTrue();
        assertThat(doc.modified()).isFalse();
        assertThat(doc.redo()).isTrue();
        assertThat(doc.modified()).isTrue();
        String diff = doc.diff();
        assertThat(diff)
                .contains("-^x sshd\\[[0-9]+\\]: Accepted$")
                .contains("+^x sshd\\[[0-9]+\\]: Accepted publickey$")
                .contains("@@ -1,7 +1,7 @@");
        doc.save();
        byte[] after = Files.readAllBytes(file);
        assertThat(new String(after, StandardCharsets.ISO_8859_1))
                .isEqualTo(TEXT.replace("Accepted$", "Accepted publickey$"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
        assertThat(doc.modified()).isFalse();
        assertThat(doc.diff()).isEmpty();
        assertThatThrownBy(() -> doc.replace(0, "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFinalNewlineStaysMissing() throws Exception {
        Path file = write("violations.d/x", "^a$\n^b$");
        RuleDocument doc = RuleDocument.open(file);
        doc.replace(0, "^c$");
        doc.save();
        assertThat(Files.readString(file)).isEqualTo("^c$\n^b$");
    }

    @Test
    void theDiffIsWhatDiffUPrints() throws Exception {
        Path diffTool = Path.of("/usr/bin/diff");
        assumeTrue(Files.isExecutable(diffTool), "diff missing");
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            a.add("^rule " + i + "$");
        }
        List<String> b = new ArrayList<>(a);
        b.set(2, "^changed 2$");
        b.remove(20);
        b.add(30, "^inserted$");
        b.add("^appended$");
        Path fa = write("a.txt", String.join("\n", a) + "\n");
        Path fb = write("b.txt", String.join("\n", b) + "\n");
        Process p =
                new ProcessBuilder(diffTool.toString(), "-u", fa.toString(), fb.toString())
                        .redirectErrorStream(true)
                        .start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        String ours = UnifiedDiff.of("A", "B", a, b);
        assertThat(body(ours)).isEqualTo(body(expected));
    }

    private static String body(String diff) {
        return diff.substring(diff.indexOf("@@"));
    }

    @Test
    void aFileOfAnotherUserOpensReadOnlyAndIsSavedIntoTheOverlay() throws Exception {
        Path system = dir.resolve("etc");
        Path file = system.resolve("ignore.d.server/sshd");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "^old$\n^keep$\n");
        Files.writeString(system.resolve("ignore.d.server/cron"), "^cron$\n");
        Files.createDirectories(system.resolve("ignore.d.paranoid"));
        Files.writeString(system.resolve("ignore.d.paranoid/sshd"), "^paranoid$\n");
        UserPrincipal nobody;
        try {
            nobody =
                    file.getFileSystem()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByName("nobody");
            Files.setOwner(file, nobody);
        } catch (Exception e) {
            nobody = null;
        }
        assumeTrue(nobody != null, "cannot give the file to another user (needs root)");
        RuleDocument doc = RuleDocument.open(file);
        assertThat(doc.readOnly()).isTrue();
        assertThat(doc.readOnlyReason()).contains(file.toString()).contains("overlay");
        doc.replace(0, "^new$");
        assertThatThrownBy(doc::save).hasMessageContaining("read-only");
        Path overlay = dir.resolve("mine");
        assertThat(doc.diffInto(overlay)).contains("-^old$").contains("+^new$");
        Path saved = doc.saveInto(overlay);
        assertThat(saved).isEqualTo(overlay.resolve("ignore.d.server/sshd"));
        assertThat(Files.readString(saved)).isEqualTo("^new$\n^keep$\n");
        assertThat(Files.readString(file)).isEqualTo("^old$\n^keep$\n");
        assertThat(doc.readOnly()).isFalse();
        Files.createDirectories(overlay.resolve("ignore.d.server"));
        Files.writeString(overlay.resolve("ignore.d.server/local-extra"), "^extra$\n");

        RuleTree merged = RuleTreeLoader.load(system, overlay, Level.SERVER);
        assertThat(merged.rules())
                .extracting(Rule::source)
                .containsExactly("^cron$", "^extra$", "^new$", "^keep$", "^paranoid$");
        assertThat(merged.file(Category.IGNORE, "sshd").orElseThrow().sources())
                .containsExactly(saved, system.resolve("ignore.d.paranoid/sshd"));
        assertThat(merged.rules().get(2).location()).isEqualTo(saved + ":1");
    }
}
