package dev.logsentry.core.report.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDeliveryTest {
    @TempDir Path tmp;

    private static final FinishedReport REPORT =
            new FinishedReport("s", new byte[] {'a', (byte) 0xff, '\n'}, "text/plain", "r.txt");

    @Test
    void writesTheExactBytesOwnerOnlyReplacingAnOlderReport() throws Exception {
        Path f = tmp.resolve("report.txt");
        Files.writeString(f, "old report, longer than the new one");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        new FileDelivery(f).deliver(REPORT);
        assertThat(Files.readAllBytes(f)).isEqualTo(REPORT.body());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesASymlinkAtTheReportPath() throws Exception {
        Path target = Files.writeString(tmp.resolve("passwd"), "precious");
        Path link = Files.createSymbolicLink(tmp.resolve("report.txt"), target);
        assertThatThrownBy(() -> new FileDelivery(link).deliver(REPORT))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("precious");
    }

    @Test
    void streamDeliveryWritesTheBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StreamDelivery(out, "stdout").deliver(REPORT);
        assertThat(out.toByteArray()).isEqualTo(REPORT.body());
    }
}
