package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A summary as a tree for a view: service, then its numbers and sections, then the items at every
 * level, each node with the lines behind its number, so a view can turn every number into a link to
 * those lines. Headless; the workbench's Summary view wraps the nodes in tree items.
 */
public final class SummaryOutline {
    private SummaryOutline() {}

    /**
     * One node.
     *
     * @param label what is counted
     * @param value the number as shown ("12", "35.2% (19 of 54)")
     * @param count the number, or -1 when the value is not a count
     * @param lines the lines behind it, or null
     * @param children the breakdown, most counted first
     * @param chart whether the children are worth a chart
     */
    public record Node(
            String label,
            String value,
            long count,
            LineRefs lines,
            List<Node> children,
            boolean chart) {}

    /** Where a referenced line is: the source's name (as opened) and its 1-based line number. */
    public record LineTarget(String source, long line) {}

    /** The services of {@code s}, each a node with its facts, sections and unmatched lines. */
    public static List<Node> of(Summary s) {
        List<Node> out = new ArrayList<>();
        for (ServiceSummary svc : s.services()) {
            List<Node> kids = new ArrayList<>();
            LineRefs all = new LineRefs();
            for (Fact f : svc.facts()) {
                kids.add(new Node(f.label(), f.value(), -1, f.lines(), List.of(), false));
            }
            for (Section sec : svc.sections()) {
                if (sec.total() == 0) {
                    continue;
                }
                kids.add(node(sec.title(), sec.tally(), sec.chart()));
                if (sec.tally().lines() != null) {
                    all.addAll(sec.tally().lines());
                }
            }
            if (!svc.unmatched().isEmpty()) {
                LineRefs u = new LineRefs();
                List<Node> lines = new ArrayList<>();
                for (ServiceSummary.Unmatched m : svc.unmatched()) {
                    u.add(m.source(), m.line());
                    LineRefs one = new LineRefs();
                    one.add(m.source(), m.line());
                    lines.add(new Node(m.text(), "1", 1, one, List.of(), false));
                }
                all.addAll(u);
                kids.add(
                        new Node(
                                "Unmatched entries",
                                Integer.toString(svc.unmatched().size()),
                                svc.unmatched().size(),
                                u,
                                lines,
                                false));
            }
            out.add(
                    new Node(
                            svc.title(),
                            Long.toString(svc.lines()),
                            svc.lines(),
                            all,
                            kids,
                            false));
        }
        return out;
    }

    private static Node node(String label, Tally t, boolean chart) {
        List<Node> kids = new ArrayList<>();
        for (Tally c : t.children()) {
            kids.add(node(c.key(), c, false));
        }
        return new Node(label, Long.toString(t.count()), t.count(), t.lines(), kids, chart);
    }

    /** The lines behind a number, in source and line order, as names and line numbers. */
    public static List<LineTarget> targets(Summary s, LineRefs refs) {
        List<LineTarget> out = new ArrayList<>();
        if (refs == null) {
            return out;
        }
        LineRefs sorted = refs.sorted();
        for (int i = 0; i < sorted.size(); i++) {
            out.add(new LineTarget(s.sources().get(sorted.source(i)), sorted.line(i)));
        }
        return out;
    }
}
