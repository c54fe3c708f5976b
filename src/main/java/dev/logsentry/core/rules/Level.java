package dev.logsentry.core.rules;

import java.util.List;
import java.util.Locale;

/**
 * A logcheck report level. A level reads its own {@code ignore.d.<level>} directory and those of
 * every stricter level: workstation ignores the most, paranoid the least.
 */
public enum Level {
    PARANOID,
    SERVER,
    WORKSTATION;

    /** The ignore directories this level reads, in the order logcheck concatenates them. */
    public List<Level> ignoreLevels() {
        return switch (this) {
            case WORKSTATION -> List.of(WORKSTATION, SERVER, PARANOID);
            case SERVER -> List.of(SERVER, PARANOID);
            case PARANOID -> List.of(PARANOID);
        };
    }

    /** The directory holding this level's ignore rules, e.g. {@code ignore.d.server}. */
    public String directoryName() {
        return "ignore.d." + name().toLowerCase(Locale.ROOT);
    }

    /** Lower-case name as written in logcheck.conf ({@code REPORTLEVEL}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a level as written in logcheck.conf or on the command line (case-insensitive).
     *
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    public static Level parse(String text) {
        for (Level level : values()) {
            if (level.configName().equalsIgnoreCase(text.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "unknown report level '" + text + "' (expected workstation, server or paranoid)");
    }
}
