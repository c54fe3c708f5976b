package dev.logsentry.core.check;

import dev.logsentry.core.rules.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: runs Debian's /usr/sbin/logcheck on a log file as the logcheck user (it refuses
 * root) with {@code -o -t}, so it prints the report and keeps no offsets. Each run gets its own
 * state, lock and temporary directories, so concurrent test runs cannot collide on logcheck's
 * global lock file.
 */
public final class RealLogcheck {

    public static final Path LOGCHECK = Path.of("/usr/sbin/logcheck");

    private RealLogcheck() {}

    /** Whether the real logcheck can be run here (installed, we are root, user exists). */
    public static boolean available() {
        try {
            return Files.isExecutable(LOGCHECK)
                    && "root".equals(System.getProperty("user.name"))
                    && new ProcessBuilder("id", "logcheck")
                                    .redirectErrorStream(true)
                                    .start()
                                    .waitFor()
                            == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs logcheck and returns its stdout bytes.
     *
     * @param work a scratch directory (made world-readable here)
     * @param log the log bytes
     * @param rules the rule directory ({@code -r})
     * @param locale LC_ALL for the run, e.g. {@code C}
     * @param extraConfig more logcheck.conf lines (SORTUNIQ=1, ...)
     */
    public static byte[] run(
            Path work, byte[] log, Path rules, Level level, String locale, List<String> extraConfig)
            throws IOException, InterruptedException {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path logFile = work.resolve("syslog");
        Files.write(logFile, log);
        Files.setPosixFilePermissions(logFile, PosixFilePermissions.fromString("rw-r--r--"));
        Path state = Files.createDirectories(work.resolve("state"));
        Path lock = Files.createDirectories(work.resolve("lock"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        UserPrincipal logcheck =
                work.getFileSystem()
                        .getUserPrincipalLookupService()
                        .lookupPrincipalByName("logcheck");
        for (Path p : List.of(state, lock, tmp)) {
            Files.setOwner(p, logcheck);
        }
        StringBuilder conf = new StringBuilder();
        conf.append("REPORTLEVEL=\"").append(level.configName()).append("\"\n");
        conf.append("LOCKDIR=\"").append(lock).append("\"\n");
        conf.append("LOCKFILE=\"").append(lock).append("/logcheck\"\n");
        conf.append("TMP=\"").append(tmp).append("\"\n");
        extraConfig.forEach(l -> conf.append(l).append('\n'));
        Path confFile = work.resolve("logcheck.conf");
        Files.writeString(confFile, conf.toString());
        Files.setPosixFilePermissions(confFile, PosixFilePermissions.fromString("rw-r--r--"));
        String command =
                "LC_ALL="
                        + locale
                        + " "
                        + LOGCHECK
                        + " -c "
                        + confFile
                        + " -r "
                        + rules
                        + " -o -t -l "
                        + logFile
                        + " -S "
                        + state;
        Path out = work.resolve("out");
        Path err = work.resolve("err");
        Process p =
                new ProcessBuilder("su", "-s", "/bin/bash", "-c", command, "logcheck")
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("logcheck did not finish in 5 minutes");
        }
        String stderr = Files.readString(err, StandardCharsets.ISO_8859_1);
        if (p.exitValue() != 0) {
            throw new IOException("logcheck failed (" + p.exitValue() + "): " + stderr);
        }
        return Files.readAllBytes(out);
    }
}
