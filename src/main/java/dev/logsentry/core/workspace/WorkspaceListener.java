package dev.logsentry.core.workspace;

/**
 * Told about every change of a {@link Workspace}, on the thread that made it (a worker, or the
 * caller's): a UI adapter moves the calls to its own thread and coalesces {@link #progressed}.
 * Every method has an empty default so a listener overrides only what it needs.
 */
public interface WorkspaceListener {
    /** A source was added (state {@link OpenSource.State#OPENING}). */
    default void added(OpenSource source) {}

    /** Its state, kind, lines or following changed. */
    default void changed(OpenSource source) {}

    /** Indexing advanced, or lines were appended while following. */
    default void progressed(OpenSource source) {}

    /** It was closed: its lines are released; drop every reference to it. */
    default void removed(OpenSource source) {}

    /** Something the user should read: a message that names the file and what to do. */
    default void problem(Problem problem) {}

    /**
     * A message for the user.
     *
     * @param source the source it is about, or null
     * @param error true for an error (the work failed), false for a warning or a note
     * @param cause the underlying exception for a details view, or null; never shown by itself
     */
    record Problem(OpenSource source, String message, boolean error, Throwable cause) {}
}
