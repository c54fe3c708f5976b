package dev.logsentry.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoErrorsTest {
    @Test
    void namesTheReasonAsAUserSaysIt() {
        assertThat(IoErrors.reason(new AccessDeniedException("/var/log/x")))
                .isEqualTo("permission denied");
        assertThat(IoErrors.reason(new NoSuchFileException("/var/log/x")))
                .isEqualTo("no such file or directory");
        assertThat(IoErrors.reason(new FileSystemException("/x", null, "Is a directory")))
                .isEqualTo("Is a directory");
        assertThat(IoErrors.reason(new IOException("Not in GZIP format")))
                .isEqualTo("Not in GZIP format");
        assertThat(IoErrors.reason(new IOException())).isEqualTo("IOException");
        assertThat(IoErrors.reason(new java.io.EOFException("Unexpected end of ZLIB input stream")))
                .isEqualTo("unexpected end of data");
        assertThat(IoErrors.reason(new java.util.zip.ZipException("invalid block type")))
                .isEqualTo("damaged compressed data: invalid block type");
    }
}
