package dev.logsentry.core.source.follow;

import java.nio.file.Path;

/**
 * Something that happened to a followed file, reported between the lines it separates: the view
 * shows it as a marker line where it happened.
 *
 * @param kind what happened
 * @param path the followed path
 * @param message a sentence for the user naming the file
 * @param copy for {@link Kind#TRUNCATED}: the rotated copy the old content was found in, or null
 */
public record FollowEvent(Kind kind, Path path, String message, Path copy) {

    /** An event without a copy. */
    public FollowEvent(Kind kind, Path path, String message) {
        this(kind, path, message, null);
    }

    /** What happened to the followed file. */
    public enum Kind {
        /** The file was replaced by a new one (rename and create, or delete and recreate). */
        ROTATED,
        /** The file got shorter or was rewritten in place (copytruncate, {@code > file}). */
        TRUNCATED,
        /** The path disappeared; following waits for it to come back. */
        VANISHED,
        /** Reading failed; following keeps trying. */
        ERROR
    }
}
