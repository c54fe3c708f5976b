package dev.logsentry.cli;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheWriters;
import dev.logsentry.core.dnscache.EntryKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logsentry dnscache PATH...}: decodes dnscache logs and prints each query's resolution. */
@Command(
        name = "dnscache",
        mixinStandardHelpOptions = true,
        description = {
            "Decode djbdns dnscache logs and rebuild each client query's resolution tree.",
            "PATH is a log file (multilog-labelled or not, .gz allowed) or a multilog directory",
            "(@*.s oldest first, then current)."
        },
        footer = {"", "Exit codes: 0 success, 1 a path could not be read, 2 usage error."})
public final class DnscacheCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format {
        text,
        json
    }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "log files or multilog dirs")
    List<Path> paths;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (trees indented by gluelessness) or json (JSON Lines)")
    Format format;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("logsentry dnscache: " + p + ": no such file or directory");
                return 1;
            }
        }
        DnscacheAnalysis a;
        try {
            a = DnscacheAnalyzer.analyze(paths);
        } catch (IOException e) {
            err.println("logsentry dnscache: " + e.getMessage());
            return 1;
        }
        Writer out = spec.commandLine().getOut();
        try {
            DnscacheWriters w = new DnscacheWriters();
            if (format == Format.json) {
                w.json(a, out);
            } else {
                w.text(a, out);
            }
        } catch (IOException e) {
            err.println("logsentry dnscache: cannot write output: " + e.getMessage());
            return 1;
        }
        long bad = a.count(EntryKind.UNPARSED);
        if (bad > 0) {
            err.println("logsentry dnscache: " + bad + " lines are not dnscache entries");
        }
        return 0;
    }
}
