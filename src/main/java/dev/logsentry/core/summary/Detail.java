package dev.logsentry.core.summary;

import java.util.Locale;

/**
 * logwatch's detail level, 0 to 10: Low (0) shows the numbers, Med (5) adds the top items of each
 * breakdown, High (10) shows every item at every level.
 *
 * @param level 0..10
 */
public record Detail(int level) {
    public static final Detail LOW = new Detail(0);
    public static final Detail MED = new Detail(5);
    public static final Detail HIGH = new Detail(10);

    /** Items of a breakdown shown at Med. */
    public static final int TOP = 10;

    public Detail {
        if (level < 0 || level > 10) {
            throw new IllegalArgumentException("detail must be 0 to 10, not " + level);
        }
    }

    /** Parses {@code Low}, {@code Med}, {@code High} (any case) or a number 0-10. */
    public static Detail parse(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "low":
                return LOW;
            case "med":
            case "medium":
                return MED;
            case "high":
                return HIGH;
            default:
                try {
                    return new Detail(Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "detail '" + s + "' is not Low, Med, High or a number 0 to 10");
                }
        }
    }

    /** Whether breakdowns are shown at all. */
    public boolean showsItems() {
        return level >= 5;
    }

    /** Whether every item at every level is shown (otherwise the top {@link #TOP}, one level). */
    public boolean showsAll() {
        return level >= 10;
    }

    /** logwatch's name for the level, for the header. */
    public String label() {
        return level
                + (level == 0 ? " (Low)" : level == 5 ? " (Med)" : level == 10 ? " (High)" : "");
    }
}
