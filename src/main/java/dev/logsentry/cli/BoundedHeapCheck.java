package dev.logsentry.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a large check in a child JVM with a bounded heap (ADR 0008). Without {@code -Xmx} the JVM
 * sizes its heap from the machine's RAM (a quarter of it) and G1 grows the heap rather than
 * collect, so a check of a large backlog peaked at gigabytes of RSS although its live data stays
 * small. A run that is expected to read more than {@link #THRESHOLD_BYTES} of new lines in a JVM
 * whose heap may grow past {@link #UNBOUNDED_HEAP} is therefore run again, with the same class
 * path, main class and arguments, in a child JVM with {@link #CHILD_OPTIONS}; stdin, stdout and
 * stderr are inherited and the child's exit code is the command's. A smaller run with new lines
 * goes to the same child when this JVM would compile with C2 (ADR 0015), since the child compiles
 * with C1 only; a run with nothing new (most cron runs) keeps its single JVM start.
 */
public final class BoundedHeapCheck {
    /** Estimated new bytes above which a run goes to a child JVM. */
    static final long THRESHOLD_BYTES = 8L << 20;

    /** A maximum heap above this is the JVM's unbounded default, not a chosen bound. */
    static final long UNBOUNDED_HEAP = 256L << 20;

    /** Set in the child: it never starts another. */
    static final String MARKER = "logsentry.check.child";

    /**
     * The child's JVM options besides its heap ({@link #heapMib}: 160 MB, where 1 GB of new lines
     * peaks at 210 MiB RSS), after the parent's own (the last one of a kind wins): the serial
     * collector (no per-thread GC structures; the fastest here on two cores) and C1 only.
     */
    static final List<String> CHILD_OPTIONS =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-D" + MARKER + "=1");

    /** The child's heap in MiB: 160, and four times a longest line above 1 MiB on top. */
    static long heapMib(int maxLineBytes) {
        long line = Math.max(0, maxLineBytes - (1L << 20));
        return 160 + (4 * line + (1 << 20) - 1 >> 20);
    }

    private BoundedHeapCheck() {}

    /**
     * Why a run with about {@code newBytes} of new lines, in this JVM whose heap is unbounded,
     * should go to a child JVM, or null when it should not.
     */
    static String reason(long newBytes) {
        return reason(newBytes, newBytes > 0 && newBytes <= THRESHOLD_BYTES && c1Only());
    }

    /**
     * Why a run with about {@code newBytes} of new lines should go to a child JVM, in a JVM whose
     * heap is unbounded and that compiles with C1 only ({@code c1Only}) or not; null when it should
     * not. A large backlog needs the bounded heap (ADR 0008). Any other run with new lines needs C1
     * only when this JVM would also use C2 (ADR 0015): with its default tiers, a {@code java -jar}
     * run of 10 KB to 8 MB took 1.2 to 2 times the CPU of the same run in a child with C1 only, the
     * child's start included (C2 compiles the rule compiler and the DFA builder, which run once,
     * and C1's profiling tier stays in between), while a run with nothing new starts no child.
     */
    static String reason(long newBytes, boolean c1Only) {
        if (newBytes > THRESHOLD_BYTES) {
            return "bounded heap for a large backlog";
        }
        if (newBytes > 0 && !c1Only) {
            return "C1 compiler only";
        }
        return null;
    }

    /**
     * Whether this JVM compiles with C1 only ({@code -XX:TieredStopAtLevel} below 4, as the
     * package's launcher and the child have) or was told to keep its tiers ({@code
     * -Dlogsentry.c2=true}, for comparisons).
     */
    static boolean c1Only() {
        if (Boolean.getBoolean("logsentry.c2")) {
            return true;
        }
        for (String o : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (o.startsWith("-XX:TieredStopAtLevel=") && !o.endsWith("=4")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this JVM's heap is unbounded (so a large run should go to a child JVM); checked
     * before the backlog is estimated, which costs a read of the state.
     */
    static boolean heapUnbounded() {
        return heapUnbounded(MARKER);
    }

    /**
     * Whether this JVM's heap is the unbounded default and it is not a child marked by the system
     * property {@code marker}.
     */
    public static boolean heapUnbounded(String marker) {
        return Runtime.getRuntime().maxMemory() > UNBOUNDED_HEAP
                && System.getProperty(marker) == null;
    }

    /**
     * Whether the child takes this option of the parent's (-Xss, -D, a CDS archive, ...): not its
     * heap sizes or collector, which the child sets (two collectors are an error), its class path
     * (given again) or a debugger or agent.
     */
    static boolean inherited(String option) {
        return !(option.startsWith("-Xmx")
                || option.startsWith("-Xms")
                || option.startsWith("-XX:MaxHeapSize")
                || option.startsWith("-XX:InitialHeapSize")
                || option.startsWith("-XX:MinHeapSize")
                || option.matches("-XX:[+-]Use\\w*GC")
                || option.startsWith("-Djava.class.path=")
                || option.startsWith("-agentlib")
                || option.startsWith("-agentpath")
                || option.startsWith("-javaagent"));
    }

    /**
     * Runs {@code args} (the whole command line) in a child JVM and returns its exit code, or -1
     * when no child could be started (the caller then runs the check itself).
     *
     * @param maxLineBytes the run's longest line kept whole (a line is held while it is read)
     */
    static int run(List<String> args, int maxLineBytes) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heapMib(maxLineBytes) + "m");
        options.addAll(CHILD_OPTIONS);
        return runChild(options, args);
    }

    /**
     * Runs {@code args} (the whole command line) in a child JVM with the parent's own options (see
     * {@link #inherited}) followed by {@code options}, stdio inherited; returns its exit code, or
     * -1 when no child could be started (the caller then does the work itself). Also used by the
     * workbench's start (Main), which bounds its heap the same way.
     */
    public static int runChild(List<String> options, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (inherited(o)) {
                cmd.add(o);
            }
        }
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(dev.logsentry.Main.class.getName());
        cmd.addAll(args);
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        // from here the parent only waits: a full collection gives back the heap it touched
        // while starting (G1 uncommits it), which would otherwise stay resident next to the child
        System.gc();
        // a parent stopped by SIGTERM or SIGINT (a cron timeout, Ctrl+C) stops its child too
        Thread stop = new Thread(child::destroy, "logsentry-check-child-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return CheckCommand.EXIT_INTERNAL;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the child
            }
        }
    }
}
