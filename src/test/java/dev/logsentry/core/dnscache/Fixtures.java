package dev.logsentry.core.dnscache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real dnscache logs made by bench/dnscache/make-fixtures.sh. */
final class Fixtures {
    private Fixtures() {}

    static Path dir() {
        try {
            return Path.of(
                            Fixtures.class
                                    .getResource("/dev/logsentry/core/dnscache/plain.log")
                                    .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path main() {
        return dir().resolve("main");
    }

    static Path plain() {
        return dir().resolve("plain.log");
    }

    static Path flood() {
        return dir().resolve("flood.log");
    }

    /** Every line of every fixture file, in reading order. */
    static List<String> allLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : DnscacheLogReader.expandAll(List.of(main(), plain(), flood()))) {
            lines.addAll(Files.readAllLines(f));
        }
        return lines;
    }

    static DnscacheAnalysis analyze(Path p) throws IOException {
        return DnscacheAnalyzer.analyze(List.of(p));
    }

    static ResolutionTree tree(DnscacheAnalysis a, long serial) {
        return a.trees().stream().filter(t -> t.serial() == serial).findFirst().orElseThrow();
    }

    /**
     * A compact picture of a tree: one line per step, indented by depth, "kind name" and for tx the
     * zone after '@'; '!' marks ambiguous steps, '>' CNAME restarts.
     */
    static List<String> shape(ResolutionTree t) {
        List<String> out = new ArrayList<>();
        for (ResolutionStep s : t.steps()) {
            shape(s, 0, out);
        }
        return out;
    }

    private static void shape(ResolutionStep s, int depth, List<String> out) {
        StringBuilder sb = new StringBuilder("  ".repeat(depth)).append(s.kind()).append(' ');
        sb.append(s.name());
        if (s.entry() instanceof DnscacheEntry.Tx tx) {
            sb.append(" @").append(tx.control());
        }
        if (s.isRestart()) {
            sb.append(" >");
        }
        if (s.ambiguous()) {
            sb.append(" !");
        }
        out.add(sb.toString());
        for (ResolutionStep c : s.children()) {
            shape(c, depth + 1, out);
        }
    }
}
