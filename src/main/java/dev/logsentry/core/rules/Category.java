package dev.logsentry.core.rules;

/**
 * The directories of a logcheck rule tree, each with its role in a check run. The order of the
 * constants is the order in which a run consults them.
 */
public enum Category {
    /** {@code cracking.d}: lines reported as security alerts (attacks). */
    CRACKING("cracking.d"),
    /** {@code cracking.ignore.d}: exceptions to cracking rules, used only when enabled. */
    CRACKING_IGNORE("cracking.ignore.d"),
    /** {@code violations.d}: lines reported as security events. */
    VIOLATIONS("violations.d"),
    /** {@code violations.ignore.d}: exceptions to violations rules. */
    VIOLATIONS_IGNORE("violations.ignore.d"),
    /** {@code ignore.d.<level>}: lines that are normal and not reported as system events. */
    IGNORE("ignore.d");

    private final String directoryName;

    Category(String directoryName) {
        this.directoryName = directoryName;
    }

    /**
     * The directory name in a logcheck tree; for {@link #IGNORE} the prefix, completed by {@link
     * Level#directoryName()}.
     */
    public String directoryName() {
        return directoryName;
    }
}
