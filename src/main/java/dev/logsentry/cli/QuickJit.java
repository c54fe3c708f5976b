package dev.logsentry.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Asks HotSpot, while it runs, to stop compiling at C1: what {@code -XX:TieredStopAtLevel=1} does,
 * for a {@code java -jar} run where nobody passes JVM options. A command-line run lasts seconds; on
 * two cores C2's compile threads compete with the work and cost more than their faster code gains
 * back (a 1 MB check took half the CPU time with C1 only; the 100 MB one was faster too). The
 * compiler directive goes through the DiagnosticCommand MBean ({@code jcmd
 * Compiler.directives_add}) in a background thread; on a JVM without it nothing changes. The
 * workbench, which runs for hours, never calls this.
 */
final class QuickJit {
    private static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";

    private QuickJit() {}

    /** Installs the directive in a background daemon thread; returns at once. */
    static void installInBackground() {
        if (Boolean.getBoolean("logsentry.c2")) {
            return; // -Dlogsentry.c2=true keeps the JVM's own tiering (for comparisons)
        }
        Thread t = new Thread(QuickJit::install, "logsentry-jit");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void install() {
        try {
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (option.startsWith("-XX:TieredStopAtLevel=")) {
                    // the package's launcher and the bounded child say it already; the MBean
                    // server would only cost its start (0.1-0.3 s of CPU)
                    return;
                }
            }
            Path file = Files.createTempFile("logsentry-jit", ".json"); // 0600
            try {
                Files.writeString(file, DIRECTIVE);
                ManagementFactory.getPlatformMBeanServer()
                        .invoke(
                                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                "compilerDirectivesAdd",
                                new Object[] {new String[] {file.toString()}},
                                new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            // not HotSpot, no java.management, no temp dir: the run is only slower
        }
    }
}
