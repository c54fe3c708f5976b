package dev.logsentry.core.rules.ere;

import java.util.BitSet;

/** The POSIX character classes of the C locale, as sets of bytes. */
public final class ByteClasses {

    private ByteClasses() {}

    /** The class called {@code name} ({@code alnum}, {@code space}, ...), or null if unknown. */
    public static BitSet named(String name) {
        BitSet set = new BitSet(256);
        switch (name) {
            case "alpha" -> {
                set.set('a', 'z' + 1);
                set.set('A', 'Z' + 1);
            }
            case "digit" -> set.set('0', '9' + 1);
            case "alnum" -> {
                set.or(named("alpha"));
                set.or(named("digit"));
            }
            case "upper" -> set.set('A', 'Z' + 1);
            case "lower" -> set.set('a', 'z' + 1);
            case "space" -> {
                set.set('\t', '\r' + 1);
                set.set(' ');
            }
            case "blank" -> {
                set.set('\t');
                set.set(' ');
            }
            case "punct" -> {
                set.set('!', '/' + 1);
                set.set(':', '@' + 1);
                set.set('[', '`' + 1);
                set.set('{', '~' + 1);
            }
            case "print" -> set.set(' ', '~' + 1);
            case "graph" -> set.set('!', '~' + 1);
            case "cntrl" -> {
                set.set(0, 0x20);
                set.set(0x7f);
            }
            case "xdigit" -> {
                set.set('0', '9' + 1);
                set.set('a', 'f' + 1);
                set.set('A', 'F' + 1);
            }
            default -> {
                return null;
            }
        }
        return set;
    }

    /** {@code \w}: letters, digits and underscore. */
    public static BitSet word() {
        BitSet set = named("alnum");
        set.set('_');
        return set;
    }

    static BitSet complement(BitSet set) {
        BitSet result = (BitSet) set.clone();
        result.flip(0, 256);
        return result;
    }

    /** Adds the other case of every ASCII letter in {@code set} (grep -i in the C locale). */
    static void foldCase(BitSet set) {
        for (char c = 'a'; c <= 'z'; c++) {
            char upper = Character.toUpperCase(c);
            if (set.get(c) || set.get(upper)) {
                set.set(c);
                set.set(upper);
            }
        }
    }
}
