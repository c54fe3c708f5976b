package dev.logsentry.core.rules;

import dev.logsentry.core.rules.ere.CompiledEre;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import dev.logsentry.core.rules.ere.EreTranslator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a logcheck rule tree with the exact rules of Debian's logcheck 1.4 ({@code cleanrules}):
 *
 * <ul>
 *   <li>only file names run-parts accepts ({@code ^[A-Za-z0-9_-]+$}: no {@code *.disabled}, no
 *       {@code ~} backups, no dot files), regular files or links to them, in byte order;
 *   <li>lines that are empty, white space only, or start with {@code #} (in the first column) are
 *       dropped; everything else, trailing white space included, is a pattern;
 *   <li>the ignore files of every level in use ({@link Level#ignoreLevels()}) are concatenated by
 *       name.
 * </ul>
 *
 * A pattern that grep would reject, or an unreadable file, becomes a {@link RuleProblem}; logcheck
 * would give up (or silently drop every line, as {@code grep -v} with a bad pattern outputs
 * nothing), we report the problem and run the other rules.
 *
 * <p>{@link #loadClassic} reads the four files of the 1996 logcheck.sh instead.
 */
public final class RuleTreeLoader {

    private static final Pattern RUN_PARTS_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** Classic file names and their categories, in the seed script's order. */
    private static final Map<String, Category> CLASSIC_FILES =
            Map.of(
                    "logcheck.hacking", Category.CRACKING,
                    "logcheck.violations", Category.VIOLATIONS,
                    "logcheck.violations.ignore", Category.VIOLATIONS_IGNORE,
                    "logcheck.ignore", Category.IGNORE);

    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<Category, TreeMap<String, List<Path>>> sources =
            new EnumMap<>(Category.class);
    private final Set<Category> directories = EnumSet.noneOf(Category.class);
    private final Map<Path, String> fileTexts = new java.util.HashMap<>();
    private final Map<String, Object> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private RuleTreeLoader() {}

    /**
     * Loads the logcheck 1.4 tree under {@code root} for {@code level}. Never throws for bad rules;
     * see {@link RuleTree#problems()}.
     */
    public static RuleTree load(Path root, Level level) {
        return load(root, null, level);
    }

    /**
     * Loads {@code root} with the user's {@code overlay} tree laid over it (ADR 0011): a file of
     * the overlay replaces the file of the same name in the same directory of {@code root} (so an
     * edited copy of a system file wins, and an empty one switches it off); other overlay files are
     * added; a directory present in either counts as present. Ignore files are then concatenated by
     * name across levels as usual. {@code header.txt} and {@code footer.txt} come from the overlay
     * when it has them. A null or missing overlay loads {@code root} alone.
     */
    public static RuleTree load(Path root, Path overlay, Level level) {
        RuleTreeLoader loader = new RuleTreeLoader();
        List<Path> roots = new ArrayList<>();
        roots.add(root);
        if (overlay != null && Files.isDirectory(overlay)) {
            roots.add(overlay);
        }
        loader.scan(roots, Category.CRACKING.directoryName(), Category.CRACKING);
        loader.scan(roots, Category.CRACKING_IGNORE.directoryName(), Category.CRACKING_IGNORE);
        loader.scan(roots, Category.VIOLATIONS.directoryName(), Category.VIOLATIONS);
        loader.scan(roots, Category.VIOLATIONS_IGNORE.directoryName(), Category.VIOLATIONS_IGNORE);
        for (Level l : level.ignoreLevels()) {
            loader.scan(roots, l.directoryName(), Category.IGNORE);
        }
        Path last = roots.get(roots.size() - 1);
        return loader.build(
                root,
                level,
                c -> false,
                true,
                optionalText(last.resolve("header.txt"))
                        .or(() -> optionalText(root.resolve("header.txt"))),
                optionalText(last.resolve("footer.txt"))
                        .or(() -> optionalText(root.resolve("footer.txt"))));
    }

    /**
     * Loads the 1996 logcheck.sh files from {@code dir}: {@code logcheck.hacking}, {@code
     * logcheck.violations} (both matched ignoring case, as the script's {@code egrep -i}), {@code
     * logcheck.violations.ignore} and {@code logcheck.ignore} (case-sensitive). The script passes
     * them to grep unchanged, so no line is a comment and an empty line matches every line. A
     * missing file is a missing category.
     */
    public static RuleTree loadClassic(Path dir) {
        RuleTreeLoader loader = new RuleTreeLoader();
        CLASSIC_FILES.forEach(
                (name, category) -> {
                    Path file = dir.resolve(name);
                    if (Files.isRegularFile(file)) {
                        loader.directories.add(category);
                        loader.sources
                                .computeIfAbsent(category, c -> new TreeMap<>())
                                .computeIfAbsent(name, n -> new ArrayList<>())
                                .add(file);
                    }
                });
        return loader.build(
                dir,
                Level.PARANOID,
                c -> c == Category.CRACKING || c == Category.VIOLATIONS,
                false,
                Optional.empty(),
                Optional.empty());
    }

    /** Scans directory {@code name} of each root; a later root's file replaces an earlier's. */
    private void scan(List<Path> roots, String name, Category category) {
        TreeMap<String, Path> byName = new TreeMap<>();
        for (Path root : roots) {
            Path dir = root.resolve(name);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            directories.add(category);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String file = entry.getFileName().toString();
                    if (RUN_PARTS_NAME.matcher(file).matches() && Files.isRegularFile(entry)) {
                        byName.put(file, entry);
                    }
                }
            } catch (IOException e) {
                problems.add(
                        new RuleProblem(dir, 0, "", "cannot list directory: " + e.getMessage()));
            }
        }
        TreeMap<String, List<Path>> all = sources.computeIfAbsent(category, c -> new TreeMap<>());
        byName.forEach((file, path) -> all.computeIfAbsent(file, n -> new ArrayList<>()).add(path));
    }

    private interface CaseRule {
        boolean ignoreCase(Category category);
    }

    private RuleTree build(
            Path root,
            Level level,
            CaseRule caseRule,
            boolean stripComments,
            Optional<String> header,
            Optional<String> footer) {
        precompile(caseRule, stripComments);
        Map<Category, List<RuleFile>> files = new EnumMap<>(Category.class);
        int nextId = 0;
        for (Category category : Category.values()) {
            List<RuleFile> list = new ArrayList<>();
            for (Map.Entry<String, List<Path>> entry :
                    sources.getOrDefault(category, new TreeMap<>()).entrySet()) {
                List<Rule> rules = new ArrayList<>();
                for (Path path : entry.getValue()) {
                    nextId =
                            readRules(
                                    path,
                                    category,
                                    entry.getKey(),
                                    caseRule.ignoreCase(category),
                                    stripComments,
                                    nextId,
                                    rules);
                }
                list.add(new RuleFile(category, entry.getKey(), entry.getValue(), rules));
            }
            files.put(category, list);
        }
        return new RuleTree(root, level, files, directories, problems, header, footer);
    }

    /**
     * Reads every rule file once and parses all distinct patterns on all cores: parsing ~2,000
     * patterns is a large part of the start-up time of a check. Their Java patterns are made only
     * when used ({@link EreTranslator#parse}): a check matches with automata built from the parse
     * trees.
     */
    private void precompile(CaseRule caseRule, boolean stripComments) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        sources.forEach(
                (category, byName) ->
                        byName.values().stream()
                                .flatMap(List::stream)
                                .forEach(
                                        path -> {
                                            String text = read(path);
                                            if (text == null) {
                                                return;
                                            }
                                            char flag = caseRule.ignoreCase(category) ? 'i' : 'c';
                                            for (String line : text.split("\n", -1)) {
                                                if (!stripComments
                                                        || !(line.startsWith("#")
                                                                || isSpaceOnly(line))) {
                                                    keys.add(flag + line);
                                                }
                                            }
                                        }));
        keys.parallelStream()
                .forEach(
                        key -> {
                            Object result;
                            try {
                                result =
                                        EreTranslator.parse(key.substring(1), key.charAt(0) == 'i');
                            } catch (EreSyntaxException e) {
                                result = e;
                            }
                            compiled.put(key, result);
                        });
    }

    private String read(Path path) {
        return fileTexts.computeIfAbsent(
                path,
                p -> {
                    try {
                        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    } catch (IOException e) {
                        return null;
                    }
                });
    }

    private int readRules(
            Path path,
            Category category,
            String name,
            boolean ignoreCase,
            boolean stripComments,
            int nextId,
            List<Rule> out) {
        String text = read(path);
        if (text == null) {
            String why;
            try {
                Files.readAllBytes(path);
                why = "changed while reading";
            } catch (IOException e) {
                why = e.getMessage();
            }
            problems.add(new RuleProblem(path, 0, "", "cannot read rule file: " + why));
            return nextId;
        }
        int id = nextId;
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            lineNo++;
            if (stripComments && (line.startsWith("#") || isSpaceOnly(line))) {
                continue;
            }
            Object result = compiled.get((ignoreCase ? 'i' : 'c') + line);
            if (result instanceof CompiledEre ere) {
                out.add(new Rule(category, name, path, lineNo, ere, id++));
            } else {
                String message =
                        result instanceof EreSyntaxException e
                                ? e.getMessage()
                                : "pattern was not compiled";
                problems.add(new RuleProblem(path, lineNo, line, message));
            }
        }
        return id;
    }

    /** {@code ^[[:space:]]*$} in the C locale (String.isBlank also accepts Unicode spaces). */
    private static boolean isSpaceOnly(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && (c < '\t' || c > '\r')) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> optionalText(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
