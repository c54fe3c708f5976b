package dev.logsentry.core.source.tail;

import java.io.IOException;

/** Receives new lines one at a time, so no file is ever held in memory whole. */
@FunctionalInterface
public interface LineSink {
    void accept(TailLine line) throws IOException;
}
