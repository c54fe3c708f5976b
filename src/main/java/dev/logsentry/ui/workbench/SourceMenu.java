package dev.logsentry.ui.workbench;

import static dev.logsentry.ui.common.ContextMenus.item;

import dev.logsentry.core.browse.SourceClock;
import dev.logsentry.core.browse.SourceFacts;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.source.SourceKind;
import dev.logsentry.ui.sources.SourceItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The context menu of a source in the Sources view: follow, close, reveal its folder in the
 * desktop's file manager, and its properties (path, kind, size, lines, encoding problems, first and
 * last time, follow state), read in the background and shown in a dialog.
 */
final class SourceMenu {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(ZoneId.systemDefault());

    private SourceMenu() {}

    static List<MenuItem> items(WorkbenchViewModel model, SourceItem source) {
        MenuItem reveal =
                item("sourceReveal", "Reveal in Folder", () -> revealInFolder(model, source));
        reveal.setDisable(folderOf(source) == null);
        return List.of(
                item(
                        "sourceFollow",
                        source.followingProperty().get() ? "Stop Following" : "Follow New Lines",
                        () -> {
                            model.selectedProperty().set(source);
                            model.toggleFollow();
                        }),
                item("sourceClose", "Close", () -> model.close(source)),
                new SeparatorMenuItem(),
                reveal,
                item("sourceProperties", "Properties\u2026", () -> properties(model, source)));
    }

    /**
     * The folder holding the source's file (a multilog directory's parent; a remote host's folder
     * in the spool); null for views.
     */
    static Path folderOf(SourceItem source) {
        SourceKind kind = source.handle().sourceKind();
        if (kind == SourceKind.JOURNAL || kind == SourceKind.MERGED) {
            return null;
        }
        Path parent = pathOf(source).toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) ? parent : null;
    }

    static void revealInFolder(WorkbenchViewModel model, SourceItem source) {
        Path folder = folderOf(source);
        if (folder == null) {
            return;
        }
        model.statusProperty().set("Showing " + folder + " in the file manager\u2026");
        model.sourcesModel()
                .folderOpenerProperty()
                .get()
                .open(
                        folder,
                        model.background(),
                        why -> {
                            model.statusProperty().set("Could not show " + folder);
                            model.dialogs().inform("Reveal in Folder", why, null);
                        });
    }

    static void properties(WorkbenchViewModel model, SourceItem source) {
        LineSource lines = source.linesProperty().get();
        String kind = kindOf(source);
        boolean following = source.followingProperty().get();
        String title = "Properties of " + source.nameProperty().get();
        if (lines == null) {
            model.dialogs()
                    .inform(title, pathOf(source).toString(), facts(source, kind, following, null));
            return;
        }
        model.background()
                .execute(
                        () -> {
                            String text;
                            try {
                                SourceFacts f =
                                        SourceFacts.of(
                                                lines, SourceClock.of(lines), SourceFacts.SAMPLE);
                                text = facts(source, kind, following, f);
                            } catch (IOException | RuntimeException e) {
                                text =
                                        facts(source, kind, following, null)
                                                + "\nCannot read it: "
                                                + e.getMessage();
                            }
                            String shown = text;
                            Platform.runLater(
                                    () ->
                                            model.dialogs()
                                                    .inform(
                                                            title,
                                                            pathOf(source).toString(),
                                                            shown));
                        });
    }

    /**
     * plain, gz, multilog, journal, merged or remote (a remote host's spool); "(dnscache log)" when
     * it was recognised as one.
     */
    static String kindOf(SourceItem source) {
        SourceKind k = source.handle().sourceKind();
        String kind =
                k == null
                        ? "unknown (still opening)"
                        : switch (k) {
                            case FILE -> "plain";
                            case GZIP -> "gz";
                            case MULTILOG -> "multilog";
                            case JOURNAL -> "journal";
                            case MERGED -> "merged";
                        };
        var remote = source.remoteProperty().get();
        if (remote != null) {
            kind = "remote (the spool of host " + remote.host() + ", received over TLS)";
        }
        return source.isDnscache() ? kind + " (dnscache log)" : kind;
    }

    /** The file the source reads: a remote host's day file of today, else its path. */
    static Path pathOf(SourceItem source) {
        List<Path> days = source.remoteFilesProperty().get();
        return days.isEmpty() ? source.path() : days.get(days.size() - 1);
    }

    private static String facts(SourceItem source, String kind, boolean following, SourceFacts f) {
        StringBuilder b = new StringBuilder();
        b.append("Path:       ").append(pathOf(source)).append('\n');
        b.append("Kind:       ").append(kind).append('\n');
        List<Path> days = source.remoteFilesProperty().get();
        if (days.size() > 1) {
            b.append("Files:      ").append(days.size()).append(" day files, oldest first\n");
            for (Path d : days) {
                b.append("            ").append(d).append('\n');
            }
        }
        if (f != null) {
            b.append(String.format("Size:       %,d bytes%n", f.bytes()));
            b.append(String.format("Lines:      %,d%n", f.lines()));
            b.append("First time: ").append(time(f.first())).append('\n');
            b.append("Last time:  ").append(time(f.last())).append('\n');
            b.append("Encoding:   ").append(encoding(f)).append('\n');
        } else {
            b.append("Lines:      not read yet\n");
        }
        b.append("Following:  ")
                .append(following ? "yes (new lines are added as they are written)" : "no");
        return b.toString();
    }

    private static String time(Instant t) {
        return t == null ? "none found" : TIME.format(t);
    }

    private static String encoding(SourceFacts f) {
        String scope =
                f.encodingChecked() == f.lines()
                        ? "lines"
                        : String.format("of the first %,d lines", f.encodingChecked());
        return f.badEncoding() == 0
                ? "valid UTF-8 (all " + scope + ")"
                : String.format(
                        "%,d %s not valid UTF-8 (shown with \ufffd)", f.badEncoding(), scope);
    }
}
