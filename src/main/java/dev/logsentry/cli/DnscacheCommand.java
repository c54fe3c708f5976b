package dev.logsentry.cli;

import dev.logsentry.core.dnscache.DnscacheAnalysis;
import dev.logsentry.core.dnscache.DnscacheAnalyzer;
import dev.logsentry.core.dnscache.DnscacheJson;
import dev.logsentry.core.dnscache.DnscacheLogReader;
import dev.logsentry.core.dnscache.DnscacheWriters;
import dev.logsentry.core.dnscache.EntryKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
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
        footer = {
            "",
            "Every readable input is processed; each one that cannot be read is named with",
            "the reason. In a directory only regular @*.s, @*.u and current files are read:",
            "symbolic links are never followed.",
            "Exit codes: 0 success, 1 some input could not be read (the rest was processed),",
            "2 usage error."
        })
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
        QuickJit.installInBackground();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        DnscacheLogReader.Inputs inputs = DnscacheLogReader.inputs(paths);
        for (String p : inputs.problems()) {
            err.println("logsentry dnscache: " + p);
            problems.add(p);
        }
        for (String w : inputs.warnings()) {
            err.println("logsentry dnscache: " + w);
        }
        err.flush();
        Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        DnscacheAnalysis a;
        try {
            // each tree is printed as soon as it and the ones before it are complete (memory
            // holds the queries in flight, not the log), on a second thread
            DnscacheWriters text = new DnscacheWriters();
            DnscacheJson json = format == Format.json ? new DnscacheJson(out) : null;
            TreePrinter printer =
                    new TreePrinter(
                            t -> {
                                if (json != null) {
                                    json.tree(t);
                                } else {
                                    text.text(t, out);
                                }
                            });
            DnscacheAnalyzer analyzer = DnscacheAnalyzer.streaming(printer);
            DnscacheLogReader.readEach(
                    inputs,
                    analyzer,
                    p -> {
                        err.println("logsentry dnscache: " + p);
                        err.flush();
                        problems.add(p);
                    });
            List<String> names = new ArrayList<>();
            for (Path f : inputs.files()) {
                names.add(f.toString());
            }
            a = analyzer.finish(names);
            printer.finish();
            if (json != null) {
                json.summary(a);
            } else {
                text.textSummary(a, out);
            }
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            err.println("logsentry dnscache: cannot write output: " + e.getMessage());
            return 1;
        }
        long bad = a.count(EntryKind.UNPARSED);
        if (bad > 0) {
            var first = a.unparsed().get(0);
            err.println(
                    "logsentry dnscache: "
                            + bad
                            + " line(s) are not dnscache entries, first "
                            + first.source()
                            + ":"
                            + first.line()
                            + ": "
                            + first.reason());
        }
        if (!problems.isEmpty()) {
            err.println(
                    "logsentry dnscache: "
                            + problems.size()
                            + " input(s) could not be read in full (named above)");
        }
        err.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
