package dev.logsentry.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class IoProblemsTest {
    @Test
    void reasonsAreWordsNotJavaClassNames() {
        assertThat(IoProblems.describe(new AccessDeniedException("/var/log/x")))
                .isEqualTo("permission denied");
        assertThat(IoProblems.describe(new NoSuchFileException("/var/log/x")))
                .isEqualTo("no such file");
        assertThat(IoProblems.describe(new EOFException("Unexpected end of ZLIB input stream")))
                .isEqualTo("unexpected end of data");
        assertThat(IoProblems.describe(new ZipException("invalid block type")))
                .isEqualTo("damaged compressed data: invalid block type");
    }
}
