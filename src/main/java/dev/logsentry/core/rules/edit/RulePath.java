package dev.logsentry.core.rules.edit;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a rule file sits in a logcheck tree: its category, its level for ignore files, and its
 * name. Knows the names run-parts (and so logcheck) accepts.
 *
 * @param category the directory's role
 * @param level the level of an {@code ignore.d.<level>} file, null for other categories
 * @param name the file name
 */
public record RulePath(Category category, Level level, String name) {

    private static final Pattern RUN_PARTS_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** Whether run-parts --list (and so logcheck) reads a file of this name. */
    public static boolean runPartsAccepts(String name) {
        return RUN_PARTS_NAME.matcher(name).matches();
    }

    /** The rule file's place, from the name of the directory it is in; empty for other paths. */
    public static Optional<RulePath> of(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || file.getFileName() == null) {
            return Optional.empty();
        }
        String dir = parent.getFileName() == null ? "" : parent.getFileName().toString();
        String name = file.getFileName().toString();
        for (Category c : Category.values()) {
            if (c != Category.IGNORE && c.directoryName().equals(dir)) {
                return Optional.of(new RulePath(c, null, name));
            }
        }
        for (Level l : Level.values()) {
            if (l.directoryName().equals(dir)) {
                return Optional.of(new RulePath(Category.IGNORE, l, name));
            }
        }
        return Optional.empty();
    }

    /** The directory name in a tree: {@code cracking.d}, {@code ignore.d.server}, ... */
    public String directoryName() {
        return category == Category.IGNORE ? level.directoryName() : category.directoryName();
    }

    /** This file under another tree root (the overlay's copy of a system file). */
    public Path under(Path root) {
        return root.resolve(directoryName()).resolve(name);
    }

    /** {@code ignore.d.server/sshd}. */
    @Override
    public String toString() {
        return directoryName() + "/" + name;
    }
}
