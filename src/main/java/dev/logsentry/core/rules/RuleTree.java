package dev.logsentry.core.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded rule tree: the rule files of each category in the order logcheck uses them (file names
 * in byte order), every rule with a dense id, the problems met while loading, and the optional
 * header and footer texts of the report.
 *
 * <p>Whether a category's directory exists matters apart from its files: logcheck runs the
 * violations pass only when {@code violations.d} exists, and the cracking pass with
 * SUPPORT_CRACKING_IGNORE only when {@code cracking.ignore.d} exists. Immutable and thread-safe.
 */
public final class RuleTree {

    private final Path root;
    private final Level level;
    private final Map<Category, List<RuleFile>> files;
    private final Set<Category> directories;
    private final List<Rule> rules;
    private final List<RuleProblem> problems;
    private final Optional<String> header;
    private final Optional<String> footer;

    /**
     * @param header the bytes of {@code header.txt} as ISO-8859-1, if present and readable
     * @param footer likewise {@code footer.txt}
     */
    public RuleTree(
            Path root,
            Level level,
            Map<Category, List<RuleFile>> files,
            Set<Category> directories,
            List<RuleProblem> problems,
            Optional<String> header,
            Optional<String> footer) {
        this.root = root;
        this.level = level;
        EnumMap<Category, List<RuleFile>> copy = new EnumMap<>(Category.class);
        List<Rule> all = new ArrayList<>();
        for (Category category : Category.values()) {
            List<RuleFile> list = List.copyOf(files.getOrDefault(category, List.of()));
            copy.put(category, list);
            for (RuleFile file : list) {
                for (Rule rule : file.rules()) {
                    if (rule.id() != all.size()) {
                        throw new IllegalArgumentException(
                                "rule ids must be dense in category and file order: " + rule);
                    }
                    all.add(rule);
                }
            }
        }
        this.files = copy;
        this.directories =
                directories.isEmpty()
                        ? EnumSet.noneOf(Category.class)
                        : EnumSet.copyOf(directories);
        this.rules = List.copyOf(all);
        this.problems = List.copyOf(problems);
        this.header = header;
        this.footer = footer;
    }

    /** The directory the tree was read from. */
    public Path root() {
        return root;
    }

    /** The report level the ignore rules were chosen for. */
    public Level level() {
        return level;
    }

    /** The files of {@code category} in logcheck's order. */
    public List<RuleFile> files(Category category) {
        return files.get(category);
    }

    /** The file called {@code name} in {@code category}. */
    public Optional<RuleFile> file(Category category, String name) {
        return files.get(category).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Whether the category's directory exists (even if empty). */
    public boolean hasDirectory(Category category) {
        return directories.contains(category);
    }

    /** Every usable rule, indexed by {@link Rule#id()}. */
    public List<Rule> rules() {
        return rules;
    }

    /** Rules that could not be used, with file and line. */
    public List<RuleProblem> problems() {
        return problems;
    }

    /** {@code header.txt} (ISO-8859-1 text of its bytes), put first in logcheck reports. */
    public Optional<String> header() {
        return header;
    }

    /** {@code footer.txt}, put last in logcheck reports. */
    public Optional<String> footer() {
        return footer;
    }

    /**
     * The same tree without the rules of ignore.d (its directory is kept, as empty): the files that
     * can raise a line, cracking.d and violations.d, with their own ignore files. logcheck reads
     * ignore.d only for system events, so these rules decide every attack and violation exactly as
     * the whole tree does. Rule ids stay as they are (ignore.d comes last in id order).
     */
    public RuleTree withoutIgnoreRules() {
        EnumMap<Category, List<RuleFile>> kept = new EnumMap<>(files);
        kept.put(Category.IGNORE, List.of());
        return new RuleTree(root, level, kept, directories, problems, header, footer);
    }
}
