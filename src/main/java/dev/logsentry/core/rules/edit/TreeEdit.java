package dev.logsentry.core.rules.edit;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleProblem;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.ere.CompiledEre;
import dev.logsentry.core.rules.ere.EreSyntaxException;
import dev.logsentry.core.rules.ere.EreTranslator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule tree with one rule file's content replaced, as {@link
 * dev.logsentry.core.rules.RuleTreeLoader} would load it after that file was saved: what an unsaved
 * edit would change, without writing anything. A file the tree does not have yet (a new {@code
 * local-<program>}) is added in logcheck's order. Rules are numbered anew; the other files' rules
 * keep their compiled patterns.
 */
public final class TreeEdit {

    private TreeEdit() {}

    /**
     * {@code tree} with the rules read from {@code source} replaced by the rules of {@code lines}.
     * An ignore file of a level the tree's level does not read changes nothing.
     *
     * @throws IllegalArgumentException when {@code source} is not in a logcheck rule directory
     */
    public static RuleTree replaceSource(RuleTree tree, Path source, List<String> lines) {
        RulePath place =
                RulePath.of(source)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                source + " is not in a logcheck rule directory"));
        Level level = tree.level();
        if (place.category() == Category.IGNORE && !level.ignoreLevels().contains(place.level())) {
            return tree;
        }
        Path abs = source.toAbsolutePath().normalize();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleProblem p : tree.problems()) {
            if (!same(p.file(), abs)) {
                problems.add(p);
            }
        }
        List<Rule> fresh = new ArrayList<>();
        for (RuleFileSnapshot.Entry e : RuleFileSnapshot.of(source, lines).rules()) {
            try {
                CompiledEre ere = EreTranslator.compile(e.pattern(), false);
                fresh.add(new Rule(place.category(), place.name(), source, e.line(), ere, -1));
            } catch (EreSyntaxException ex) {
                problems.add(new RuleProblem(source, e.line(), e.pattern(), ex.getMessage()));
            }
        }
        Map<Category, List<RuleFile>> files = new EnumMap<>(Category.class);
        Set<Category> dirs = EnumSet.noneOf(Category.class);
        int[] nextId = {0};
        for (Category c : Category.values()) {
            if (tree.hasDirectory(c) || c == place.category()) {
                dirs.add(c);
            }
            List<RuleFile> list = new ArrayList<>(tree.files(c));
            if (c == place.category()) {
                int at = -1;
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).name().equals(place.name())) {
                        at = i;
                    }
                }
                if (at < 0) {
                    list.add(new RuleFile(c, place.name(), List.of(), List.of()));
                    list.sort(Comparator.comparing(RuleFile::name));
                    at = indexOf(list, place.name());
                }
                list.set(at, replaced(list.get(at), source, abs, fresh, level));
            }
            List<RuleFile> renumbered = new ArrayList<>();
            for (RuleFile f : list) {
                List<Rule> rules = new ArrayList<>();
                for (Rule r : f.rules()) {
                    rules.add(
                            new Rule(
                                    r.category(),
                                    r.fileName(),
                                    r.file(),
                                    r.line(),
                                    r.ere(),
                                    nextId[0]++));
                }
                renumbered.add(new RuleFile(c, f.name(), f.sources(), rules));
            }
            files.put(c, renumbered);
        }
        return new RuleTree(
                tree.root(), level, files, dirs, problems, tree.header(), tree.footer());
    }

    private static int indexOf(List<RuleFile> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(name);
    }

    private static RuleFile replaced(
            RuleFile file, Path source, Path abs, List<Rule> fresh, Level level) {
        List<Path> sources = new ArrayList<>(file.sources());
        if (sources.stream().noneMatch(p -> same(p, abs))) {
            sources.add(source);
            List<Level> order = level.ignoreLevels();
            sources.sort(
                    Comparator.comparingInt(
                            p ->
                                    RulePath.of(p)
                                            .map(RulePath::level)
                                            .map(order::indexOf)
                                            .orElse(0)));
        }
        List<Rule> rules = new ArrayList<>();
        for (Path s : sources) {
            if (same(s, abs)) {
                rules.addAll(fresh);
            } else {
                for (Rule r : file.rules()) {
                    if (r.file().equals(s)) {
                        rules.add(r);
                    }
                }
            }
        }
        return new RuleFile(file.category(), file.name(), sources, rules);
    }

    private static boolean same(Path a, Path abs) {
        return a.toAbsolutePath().normalize().equals(abs);
    }
}
