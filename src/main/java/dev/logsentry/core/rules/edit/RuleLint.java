package dev.logsentry.core.rules.edit;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.edit.RuleDiagnostic.Severity;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints every rule file of a logcheck tree without any log: each rule validated as grep -E reads it
 * ({@link RuleValidator}), file names logcheck silently skips, sample comments with no rule below
 * them. The headless half of {@code logsentry rules lint}.
 */
public final class RuleLint {

    /**
     * One finding.
     *
     * @param file the rule file
     * @param line 1-based line (0: the whole file)
     * @param column 1-based column (0: the whole line)
     * @param severity error, warning or info
     * @param code a stable name
     * @param message what is wrong
     */
    public record Finding(
            Path file, int line, int column, Severity severity, String code, String message) {

        /** {@code file:line:column: severity: message}. */
        public String describe() {
            return file
                    + ":"
                    + line
                    + (column > 0 ? ":" + column : "")
                    + ": "
                    + severity.name().toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + message
                    + " ["
                    + code
                    + "]";
        }
    }

    private RuleLint() {}

    /** The directories of a tree, every level's ignore directory included. */
    public static List<Path> ruleDirectories(Path root) {
        List<Path> dirs = new ArrayList<>();
        for (Category c : Category.values()) {
            if (c != Category.IGNORE) {
                dirs.add(root.resolve(c.directoryName()));
            }
        }
        for (Level l : Level.values()) {
            dirs.add(root.resolve(l.directoryName()));
        }
        return dirs;
    }

    /**
     * Lints the tree under {@code root}.
     *
     * @throws IOException when {@code root} is not a readable directory
     */
    public static List<Finding> lint(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a directory");
        }
        List<Finding> out = new ArrayList<>();
        boolean any = false;
        for (Path dir : ruleDirectories(root)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            any = true;
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(files::add);
            } catch (IOException e) {
                out.add(
                        fileFinding(
                                dir,
                                Severity.ERROR,
                                "UNREADABLE",
                                "cannot list: " + e.getMessage()));
                continue;
            }
            files.sort(null);
            for (Path file : files) {
                lintFile(file, out);
            }
        }
        if (!any) {
            throw new IOException(
                    root
                            + " holds no logcheck rule directory (cracking.d, violations.d,"
                            + " ignore.d.server, ...)");
        }
        return out;
    }

    private static void lintFile(Path file, List<Finding> out) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return;
        }
        if (!RulePath.runPartsAccepts(name)) {
            out.add(
                    fileFinding(
                            file,
                            Severity.WARNING,
                            "SKIPPED_NAME",
                            "logcheck skips this file: run-parts reads only names of letters,"
                                    + " digits, _ and - (no dots)"));
            return;
        }
        RuleDocument doc;
        try {
            doc = RuleDocument.open(file);
        } catch (IOException e) {
            out.add(fileFinding(file, Severity.ERROR, "UNREADABLE", e.getMessage()));
            return;
        }
        Category category = doc.category();
        RuleFileSnapshot snap = doc.snapshot();
        for (RuleFileSnapshot.Entry e : snap.rules()) {
            RuleValidation v = RuleValidator.validate(e.pattern(), category);
            for (RuleDiagnostic d : v.diagnostics()) {
                out.add(
                        new Finding(
                                file,
                                e.line(),
                                d.start() + 1,
                                d.severity(),
                                d.code().name(),
                                d.message()));
            }
        }
        List<String> lines = snap.lines();
        int lastRule =
                snap.rules().isEmpty() ? 0 : snap.rules().get(snap.rules().size() - 1).line();
        for (int i = 0; i < lines.size(); i++) {
            if (RuleDocument.kindOf(lines.get(i)) != RuleDocument.LineKind.SAMPLE) {
                continue;
            }
            int lineNo = i + 1;
            boolean owned = snap.rules().stream().anyMatch(r -> r.sampleLines().contains(lineNo));
            if (!owned) {
                out.add(
                        new Finding(
                                file,
                                lineNo,
                                0,
                                Severity.WARNING,
                                "ORPHAN_SAMPLE",
                                lineNo > lastRule
                                        ? "sample with no rule below it"
                                        : "sample separated from its rule by a blank line"));
            }
        }
    }

    private static Finding fileFinding(Path file, Severity s, String code, String message) {
        return new Finding(file, 0, 0, s, code, message);
    }
}
