package dev.logsentry.core.rules.automata;

import dev.logsentry.core.io.SafeFiles;
import java.nio.ByteBuffer;

/**
 * Where compiled rule automata are kept between runs (ADR 0014): a {@link RuleFileMatcher} asks for
 * the image stored under the digest of its rules and, when its DFAs grew, stores a new one. The
 * store owns the file, its checks and its checksum; the matcher owns the content and checks
 * everything it reads again, so whatever a store hands back can make a run slower, never different.
 */
public interface AutomataStore {
    /** The format of the content; a store keeps it in its key, so other formats never load. */
    int FORMAT = 1;

    /** The image stored for {@code digest} (verified by the store), or null. */
    ByteBuffer load(byte[] digest);

    /** Replaces the stored image by the one {@code writer} writes, for {@code digest}. */
    void save(byte[] digest, SafeFiles.ContentWriter writer);

    /** Told why a stored image was not used (the automata are built instead). */
    void ignored(String reason);

    /** No store: every run builds its automata. */
    AutomataStore NONE =
            new AutomataStore() {
                @Override
                public ByteBuffer load(byte[] digest) {
                    return null;
                }

                @Override
                public void save(byte[] digest, SafeFiles.ContentWriter writer) {}

                @Override
                public void ignored(String reason) {}
            };
}
