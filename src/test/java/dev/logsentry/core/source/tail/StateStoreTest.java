package dev.logsentry.core.source.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.core.io.SafeFiles;
import dev.logsentry.core.io.UnsafeFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir Path dir;

    private static final FileState SAMPLE = new FileState(1, 2, 3, "abc", "def", 42);

    @Test
    void savedStateReadsBackOwnerOnlyAndLeavesNoTempFile() throws IOException {
        StateStore store = new StateStore(dir.resolve("state"));
        assertThat(store.load()).isEqualTo(CheckState.empty());
        CheckState s =
                CheckState.empty()
                        .with(
                                Map.of("/var/log/syslog", SAMPLE),
                                Map.of("journal", new JournalState("c1")));
        store.save(s);

        assertThat(store.load()).isEqualTo(s);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory())))
                .isEqualTo("rwx------");
        try (var files = Files.list(store.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void newEntriesKeepTheOtherSourcesEntries() {
        CheckState a = CheckState.empty().with(Map.of("/a", SAMPLE), Map.of());
        CheckState b = a.with(Map.of("/b", SAMPLE), Map.of());
        assertThat(b.files()).containsOnlyKeys("/a", "/b");
    }

    @Test
    void aSymlinkWhereTheStateFileShouldBeIsRefused() throws IOException {
        Path target = Files.writeString(dir.resolve("elsewhere"), "precious");
        Files.createSymbolicLink(dir.resolve(StateStore.FILE_NAME), target);
        StateStore store = new StateStore(dir);

        assertThatThrownBy(store::load).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store.save(CheckState.empty()))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("precious");
    }

    @Test
    void aSymlinkWhereTheTempFileShouldBeIsRefused() throws IOException {
        Path target = Files.writeString(dir.resolve("elsewhere"), "precious");
        Files.createSymbolicLink(SafeFiles.tempPathFor(dir.resolve(StateStore.FILE_NAME)), target);

        assertThatThrownBy(() -> new StateStore(dir).save(CheckState.empty()))
                .hasRootCauseInstanceOf(UnsafeFileException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("precious");
    }

    @Test
    void aStateFileOwnedByAnotherUserIsRefused() throws IOException {
        assumeTrue(SafeFiles.currentUid() == 0, "only root can give a file to another user");
        StateStore store = new StateStore(dir);
        store.save(CheckState.empty());
        Files.setAttribute(store.file(), "unix:uid", 65534);

        assertThatThrownBy(store::load).hasMessageContaining("owned by uid 65534");
        assertThatThrownBy(() -> store.save(CheckState.empty()))
                .hasMessageContaining("owned by uid 65534");
    }

    @Test
    void aCorruptStateFileIsAnErrorNamingTheFileNotAFreshStart() throws IOException {
        StateStore store = new StateStore(dir);
        Files.writeString(store.file(), "{not json");
        assertThatThrownBy(store::load)
                .isInstanceOf(StateException.class)
                .hasMessageContaining(store.file().toString())
                .hasMessageContaining("not a valid state file");
    }

    @Test
    void theLockStopsASecondRunInThisProcess() throws IOException {
        try (StateLock held = StateLock.acquire(dir)) {
            assertThatThrownBy(() -> StateLock.acquire(dir))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("another logsentry check is running");
        }
        StateLock.acquire(dir).close(); // released: free again
    }

    @Test
    void theLockStopsASecondRunInAnotherProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                LockHolder.class.getName(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .start();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> StateLock.acquire(dir)).isInstanceOf(LockHeldException.class);
        } finally {
            holder.getOutputStream().close(); // tells the holder to exit
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        StateLock.acquire(dir).close(); // the kernel dropped the lock with the process
        assertThat(List.of(holder.exitValue())).containsExactly(0);
    }

    /** Holds the lock in a separate JVM until its stdin closes. */
    public static final class LockHolder {
        public static void main(String[] args) throws IOException {
            try (StateLock lock = StateLock.acquire(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for EOF
                }
            }
        }
    }
}
