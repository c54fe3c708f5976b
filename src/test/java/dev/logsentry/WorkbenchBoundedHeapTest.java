package dev.logsentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started as README says ({@code java -jar}, no -Xmx), the workbench runs in a child JVM with a
 * bounded heap and the serial collector; G1's default heap grew to 1.3-1.5 GB of RSS with a 1 GB
 * log open. The child here runs headless (Monocle), with the parent's -D options.
 */
class WorkbenchBoundedHeapTest {
    @TempDir Path home;

    @Test
    void theWorkbenchRunsInABoundedChildJvm() throws Exception {
        Path log = home.resolve("small.log");
        Files.writeString(log, "Jan  1 00:00:00 h app[1]: hello\n");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(
                List.of(
                        "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless",
                        "-Dprism.order=sw",
                        "-Duser.home=" + home,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        log.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.redirectOutput(home.resolve("out.txt").toFile());
        Process parent = pb.start();
        try {
            Optional<ProcessHandle> child = Optional.empty();
            for (int i = 0; i < 600 && child.isEmpty() && parent.isAlive(); i++) {
                child = parent.descendants().findFirst();
                Thread.sleep(100);
            }
            assertThat(child).as(Files.readString(home.resolve("out.txt"))).isPresent();
            // its command line, as the kernel shows it (ProcessHandle.Info may not have it yet)
            Path cmdline = Path.of("/proc", String.valueOf(child.get().pid()), "cmdline");
            List<String> args = List.of();
            for (int i = 0; i < 100 && args.size() < 2; i++) {
                args =
                        Files.isReadable(cmdline)
                                ? List.of(new String(Files.readAllBytes(cmdline)).split("\0"))
                                : List.of();
                Thread.sleep(50);
            }
            assertThat(args)
                    .as(Files.readString(home.resolve("out.txt")))
                    .contains("-Xmx512m", "-XX:+UseSerialGC", "-Dprism.order=sw")
                    .contains(Main.class.getName(), log.toString());
            assertThat(parent.isAlive()).as("the parent waits for its child").isTrue();
        } finally {
            parent.descendants().forEach(ProcessHandle::destroy);
            parent.destroy();
            parent.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
