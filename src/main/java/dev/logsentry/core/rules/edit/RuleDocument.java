package dev.logsentry.core.rules.edit;

import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.io.UnsafeFileException;
import dev.logsentry.core.rules.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One logcheck rule file being edited: every line as it is in the file (rules, comments, blank
 * lines, in order, with the line numbers of the saved file), edits with undo and redo, a unified
 * diff against the saved file, and an atomic save in logcheck's own format. Lines are kept as their
 * bytes (one char per byte, ISO-8859-1), so a save writes untouched lines byte for byte, and a
 * missing final newline stays missing.
 *
 * <p>A file this user cannot replace (not writable, its directory not writable, or another user's)
 * opens read-only with the reason; its edits can be saved into an overlay tree ({@link #saveInto}),
 * which {@link dev.logsentry.core.rules.RuleTreeLoader#load(Path, Path,
 * dev.logsentry.core.rules.Level)} lays over the system tree (ADR 0011). Not thread-safe: owned by
 * one editor; readers on other threads take a {@link #snapshot()}.
 */
public final class RuleDocument {

    /** What a line of a rule file is to logcheck. */
    public enum LineKind {
        /** A pattern. */
        RULE,
        /** A comment ({@code #} in the first column), dropped by logcheck. */
        COMMENT,
        /** {@code # sample: <line>}: a comment logcheck drops, a test {@code rules test} runs. */
        SAMPLE,
        /** Empty or white space only, dropped by logcheck. */
        BLANK
    }

    /** The comment prefix of a sample line. */
    public static final String SAMPLE_PREFIX = "# sample: ";

    /**
     * One line of the file.
     *
     * @param text the line without its newline, one char per byte
     * @param savedLine its 1-based line number in the saved file, 0 for a line added since
     */
    public record Line(String text, int savedLine) {
        public LineKind kind() {
            return kindOf(text);
        }
    }

    /** One change: {@code before} null inserts, {@code after} null removes, else replaces. */
    public record Change(int index, String before, String after) {}

    private final List<Line> lines = new ArrayList<>();
    private final Deque<List<Change>> undo = new ArrayDeque<>();
    private final Deque<List<Change>> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private List<String> saved;
    private boolean finalNewline;
    private Path file;
    private String readOnlyReason;

    private RuleDocument(Path file, String text, String readOnlyReason) {
        this.file = file;
        this.readOnlyReason = readOnlyReason;
        finalNewline = text.isEmpty() || text.endsWith("\n");
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (!text.isEmpty()) {
            int n = 1;
            for (String l : body.split("\n", -1)) {
                lines.add(new Line(l, n++));
            }
        }
        saved = texts();
    }

    /**
     * Opens {@code file}; read-only (with the reason) when this user cannot replace it.
     *
     * @throws IOException when the file cannot be read, with the path in the message
     */
    public static RuleDocument open(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read rule file " + file + ": " + reason(e), e);
        }
        return new RuleDocument(
                file, new String(bytes, StandardCharsets.ISO_8859_1), whyReadOnly(file));
    }

    /** A document over {@code text} (ISO-8859-1) that would be saved as {@code file}. */
    public static RuleDocument of(Path file, String text) {
        return new RuleDocument(file, text, whyReadOnly(file));
    }

    /** Why this user cannot replace {@code file} atomically, or null when it can. */
    static String whyReadOnly(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            SafeFiles.checkPrivateFile(file);
        } catch (UnsafeFileException e) {
            return file + " " + e.getMessage().replaceFirst("^.*?: ", "") + readOnlyHint();
        } catch (IOException e) {
            return "cannot check " + file + ": " + reason(e) + readOnlyHint();
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(file)) {
            return file + " is not writable for you" + readOnlyHint();
        }
        if (dir != null && Files.isDirectory(dir) && !Files.isWritable(dir)) {
            return "the folder " + dir + " is not writable for you" + readOnlyHint();
        }
        return null;
    }

    private static String readOnlyHint() {
        return "; opened read-only: save your changes into an overlay rule folder instead";
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static LineKind kindOf(String text) {
        if (text.startsWith("# sample:")) {
            return LineKind.SAMPLE;
        }
        if (text.startsWith("#")) {
            return LineKind.COMMENT;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && (c < '\t' || c > '\r')) {
                return LineKind.RULE;
            }
        }
        return LineKind.BLANK;
    }

    /** The file this document is saved to. */
    public Path file() {
        return file;
    }

    /** Where the file sits in a logcheck tree, if it is in one. */
    public Optional<RulePath> place() {
        return RulePath.of(file);
    }

    /** The category its rules are validated for (ignore rules when the file is in no tree). */
    public Category category() {
        return place().map(RulePath::category).orElse(Category.IGNORE);
    }

    public boolean readOnly() {
        return readOnlyReason != null;
    }

    /** Why the document is read-only, naming the file and what to do; null when it is not. */
    public String readOnlyReason() {
        return readOnlyReason;
    }

    public int size() {
        return lines.size();
    }

    public Line line(int index) {
        return lines.get(index);
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines' texts now. */
    public List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    /** An immutable copy of the rules now, for work on other threads. */
    public RuleFileSnapshot snapshot() {
        return RuleFileSnapshot.of(file, texts());
    }

    /** Whether the lines differ from the saved file (undoing back to it makes this false). */
    public boolean modified() {
        return !texts().equals(saved);
    }

    /** Replaces line {@code index}. */
    public void replace(int index, String text) {
        apply(List.of(new Change(index, lines.get(index).text(), text)));
    }

    /** Inserts a line before {@code index} ({@link #size()} appends). */
    public void insert(int index, String text) {
        apply(List.of(new Change(index, null, text)));
    }

    /** Removes line {@code index}. */
    public void remove(int index) {
        apply(List.of(new Change(index, lines.get(index).text(), null)));
    }

    /** Applies {@code changes} in order, as one step of undo. */
    public void apply(List<Change> changes) {
        for (Change c : changes) {
            check(c.after());
        }
        for (Change c : changes) {
            perform(c, false);
        }
        undo.push(List.copyOf(changes));
        redo.clear();
        fire();
    }

    private static void check(String text) {
        if (text != null && (text.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("a rule file line cannot contain a newline");
        }
    }

    private void perform(Change c, boolean inverse) {
        String before = inverse ? c.after() : c.before();
        String after = inverse ? c.before() : c.after();
        if (before == null) {
            lines.add(c.index(), new Line(after, 0));
        } else if (after == null) {
            lines.remove(c.index());
        } else {
            Line old = lines.get(c.index());
            lines.set(c.index(), new Line(after, old.savedLine()));
        }
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Undoes the last step; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        List<Change> step = undo.pop();
        for (int i = step.size() - 1; i >= 0; i--) {
            perform(step.get(i), true);
        }
        redo.push(step);
        fire();
        return true;
    }

    /** Redoes the last undone step; false when there is none. */
    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        List<Change> step = redo.pop();
        step.forEach(c -> perform(c, false));
        undo.push(step);
        fire();
        return true;
    }

    /** Called after every change, undo and redo (on the thread that made it). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    /** The file's bytes as they would be saved. */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The file's text as it would be saved (ISO-8859-1). */
    public String text() {
        if (lines.isEmpty()) {
            return "";
        }
        return String.join("\n", texts()) + (finalNewline ? "\n" : "");
    }

    /** The unified diff of the saved file to the current lines; empty when unmodified. */
    public String diff() {
        return UnifiedDiff.of(label("a", file), label("b", file), saved, texts());
    }

    /**
     * The unified diff that saving into {@code overlayRoot} would make: against the overlay's copy
     * when it has one, else against this document's saved file.
     */
    public String diffInto(Path overlayRoot) throws IOException {
        Path target = target(overlayRoot);
        List<String> base = saved;
        if (Files.isRegularFile(target)) {
            base = of(target, Files.readString(target, StandardCharsets.ISO_8859_1)).saved;
        }
        return UnifiedDiff.of(label("a", target), label("b", target), base, texts());
    }

    /** {@code a/path} as git prints it ({@code a/etc/logcheck/...} for an absolute path). */
    private static String label(String side, Path path) {
        String p = path.toString();
        return side + (p.startsWith("/") ? "" : "/") + p;
    }

    /**
     * Saves atomically over {@link #file()}, keeping its mode and group (logcheck reads rule files
     * as its own user).
     *
     * @throws IOException when read-only (the message says why and what to do) or the write fails
     */
    public void save() throws IOException {
        if (readOnly()) {
            throw new IOException(readOnlyReason);
        }
        byte[] content = bytes();
        SafeFiles.replaceAtomically(file, out -> out.write(content));
        markSaved();
    }

    /**
     * Saves into the overlay tree {@code overlayRoot}, at the same relative place as this file
     * ({@code ignore.d.server/sshd}); from then on the document is that file.
     *
     * @return the file written
     */
    public Path saveInto(Path overlayRoot) throws IOException {
        Path target = target(overlayRoot);
        Files.createDirectories(target.getParent());
        String why = whyReadOnly(target);
        if (why != null) {
            throw new IOException(why);
        }
        byte[] content = bytes();
        SafeFiles.replaceAtomically(target, out -> out.write(content));
        file = target;
        readOnlyReason = null;
        markSaved();
        return target;
    }

    private Path target(Path overlayRoot) throws IOException {
        RulePath place =
                place().orElseThrow(
                                () ->
                                        new IOException(
                                                file
                                                        + " is not in a logcheck rule folder (cracking.d,"
                                                        + " violations.d, ignore.d.<level>, ...): cannot"
                                                        + " place it in an overlay"));
        return place.under(overlayRoot);
    }

    private void markSaved() {
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, new Line(lines.get(i).text(), i + 1));
        }
        saved = texts();
        if (lines.isEmpty()) {
            finalNewline = true;
        }
        fire();
    }
}
