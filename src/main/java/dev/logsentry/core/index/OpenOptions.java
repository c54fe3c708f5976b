package dev.logsentry.core.index;

/**
 * How a log is opened.
 *
 * @param allowBinary open a file even though its first block contains NUL bytes ("open anyway")
 * @param displayLimit lines longer than this many bytes are cut for display by {@link
 *     LineSource#line}; the full line stays available through {@link RawLineSource}
 */
public record OpenOptions(boolean allowBinary, int displayLimit) {
    /** The display limit used unless the caller asks otherwise: 16 KiB. */
    public static final int DEFAULT_DISPLAY_LIMIT = 16 * 1024;

    public static final OpenOptions DEFAULT = new OpenOptions(false, DEFAULT_DISPLAY_LIMIT);

    public OpenOptions {
        if (displayLimit < 16) {
            throw new IllegalArgumentException("display limit too small: " + displayLimit);
        }
    }

    /** These options with binary files allowed (the "open anyway" answer to a binary warning). */
    public OpenOptions withAllowBinary(boolean allow) {
        return new OpenOptions(allow, displayLimit);
    }

    public OpenOptions withDisplayLimit(int limit) {
        return new OpenOptions(allowBinary, limit);
    }
}
