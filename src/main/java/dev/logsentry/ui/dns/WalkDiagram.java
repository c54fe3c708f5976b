package dev.logsentry.ui.dns;

import dev.logsentry.core.dnscache.DnsTypes;
import dev.logsentry.core.dnscache.DnscacheEntry;
import dev.logsentry.core.dnscache.ResolutionStep;
import dev.logsentry.core.dnscache.ResolutionTree;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

/**
 * The walk of one query drawn zone by zone, server by server: one box per query dnscache sent
 * (zone, server, question, what came back), top to bottom in log order. Glueless detours are side
 * branches: their boxes shift right by one column per gluelessness level and carry that level's
 * colour band, and the connector bends out and back.
 */
public final class WalkDiagram extends Pane {
    static final double BOX_W = 330;
    static final double BOX_H = 54;
    static final double GAP = 14;
    static final double INDENT = 56;

    private final List<Label> boxes = new ArrayList<>();

    public WalkDiagram() {
        setId("dnsWalk");
        getStyleClass().add("walk");
        show(null);
    }

    /** The boxes of the current walk, in order (for tests and accessibility). */
    public List<Label> boxes() {
        return List.copyOf(boxes);
    }

    public void show(ResolutionTree tree) {
        getChildren().clear();
        boxes.clear();
        if (tree == null) {
            Label hint = new Label("Select a query to draw how dnscache walked to its answer.");
            hint.setId("dnsWalkEmpty");
            hint.getStyleClass().add("dns-empty");
            hint.relocate(12, 12);
            getChildren().add(hint);
            return;
        }
        List<Label> nodes = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        Label head =
                box(
                        tree.isPartial()
                                ? "query #"
                                        + tree.serial()
                                        + ": client, name and type unknown\n(asked before"
                                        + " the log began)"
                                : "client "
                                        + tree.clientEndpoint()
                                        + "\nasks "
                                        + (tree.type() < 0 ? "?" : DnsTypes.mnemonic(tree.type()))
                                        + " "
                                        + tree.name(),
                        0,
                        "walk-client");
        nodes.add(head);
        levels.add(0);
        collect(tree.steps(), nodes, levels);
        String end =
                tree.outcome()
                        + (tree.bytes() >= 0 ? ", " + tree.bytes() + " bytes" : "")
                        + (tree.dropReason() != null ? " (" + tree.dropReason() + ")" : "");
        nodes.add(box("answer to the client\n" + end, 0, "walk-outcome"));
        levels.add(0);

        double y = 10;
        for (int i = 0; i < nodes.size(); i++) {
            Label b = nodes.get(i);
            double x = 10 + levels.get(i) * INDENT;
            b.relocate(x, y);
            if (i > 0) {
                double px = 10 + levels.get(i - 1) * INDENT + BOX_W / 2;
                Line l = new Line(px, y - GAP, x + BOX_W / 2, y);
                l.getStyleClass().add("walk-edge");
                getChildren().add(l);
            }
            getChildren().add(b);
            y += BOX_H + GAP;
        }
        double maxLevel = levels.stream().mapToInt(Integer::intValue).max().orElse(0);
        setPrefSize(20 + BOX_W + maxLevel * INDENT, y);
        boxes.addAll(nodes);
    }

    private void collect(List<ResolutionStep> steps, List<Label> nodes, List<Integer> levels) {
        for (ResolutionStep s : steps) {
            if (s.isLookup()) {
                nodes.add(
                        box(
                                "glueless detour (G"
                                        + s.gluelessness()
                                        + ")\naddress of "
                                        + s.name(),
                                s.gluelessness(),
                                "walk-detour"));
                levels.add(s.gluelessness());
                collect(s.children(), nodes, levels);
            } else if (s.entry() instanceof DnscacheEntry.Tx tx) {
                String server =
                        tx.servers().get(0)
                                + (tx.servers().size() > 1
                                        ? " (+" + (tx.servers().size() - 1) + ")"
                                        : "");
                nodes.add(
                        box(
                                "zone "
                                        + tx.control()
                                        + "  server "
                                        + server
                                        + "\n"
                                        + DnsTypes.mnemonic(tx.type())
                                        + " "
                                        + tx.name()
                                        + " \u2192 "
                                        + result(s),
                                tx.gluelessness(),
                                s.ambiguous() ? "walk-ambiguous" : null));
                levels.add(tx.gluelessness());
            }
        }
    }

    /** What came back for a tx, in a word. */
    private static String result(ResolutionStep tx) {
        String r = "no answer logged";
        for (ResolutionStep c : tx.children()) {
            DnscacheEntry e = c.entry();
            if (e instanceof DnscacheEntry.Lame) {
                return "lame";
            } else if (e instanceof DnscacheEntry.Servfail) {
                return "failed";
            } else if (e instanceof DnscacheEntry.Nxdomain) {
                return "NXDOMAIN";
            } else if (e instanceof DnscacheEntry.Nodata) {
                return "NODATA";
            } else if (e instanceof DnscacheEntry.RrCname) {
                r = "CNAME";
            } else if (e instanceof DnscacheEntry.RrNs
                    && !r.equals("CNAME")
                    && !r.equals("answer")) {
                r = "referral";
            } else if (e instanceof DnscacheEntry.RrEntry rr
                    && rr.name().equals(txOf(tx).name())
                    && !(e instanceof DnscacheEntry.RrNs)) {
                r = r.equals("CNAME") ? "CNAME" : "answer";
            } else if (e instanceof DnscacheEntry.Merge) {
                r = "merged";
            }
        }
        return r;
    }

    private static DnscacheEntry.Tx txOf(ResolutionStep s) {
        return (DnscacheEntry.Tx) s.entry();
    }

    private static Label box(String text, int level, String extraClass) {
        Label l = new Label(text);
        l.getStyleClass().addAll("walk-node", Glue.styleClass(level));
        if (extraClass != null) {
            l.getStyleClass().add(extraClass);
        }
        l.setMinSize(BOX_W, BOX_H);
        l.setPrefSize(BOX_W, BOX_H);
        l.setMaxSize(BOX_W, BOX_H);
        l.setWrapText(true);
        return l;
    }
}
