package dev.logsentry.ui.workbench;

import dev.logsentry.core.index.SourceException;
import dev.logsentry.core.workspace.WorkspaceListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * One banner for the files that were not opened because they look binary, however many there are (a
 * folder of binaries gives one banner naming the count, not one per file), with an "Open Anyway"
 * button that opens them as text with control and non-UTF-8 bytes shown as {@code \xNN}. FX thread
 * only.
 */
final class BinaryBanner {
    private final ObservableList<UserMessage> messages;
    private final Consumer<List<Path>> openAnyway;
    private final List<Path> files = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private UserMessage shown;

    BinaryBanner(ObservableList<UserMessage> messages, Consumer<List<Path>> openAnyway) {
        this.messages = messages;
        this.openAnyway = openAnyway;
    }

    /** Whether {@code p} is a "looks binary" refusal. */
    static boolean isBinary(WorkspaceListener.Problem p) {
        return p.cause() instanceof SourceException e
                && e.reason() == SourceException.Reason.BINARY
                && e.path() != null;
    }

    /** Adds the refused file of {@code p} (see {@link #isBinary}) to the one banner. */
    void add(WorkspaceListener.Problem p) {
        if (shown == null || !messages.contains(shown)) {
            files.clear(); // dismissed or answered: a new banner
            texts.clear();
        }
        Path file = ((SourceException) p.cause()).path();
        if (files.contains(file)) {
            return;
        }
        files.add(file);
        texts.add(p.message());
        UserMessage next = message();
        int at = shown == null ? -1 : messages.indexOf(shown);
        if (at >= 0) {
            messages.set(at, next);
        } else {
            messages.add(next);
        }
        shown = next;
    }

    private UserMessage message() {
        List<Path> answer = List.copyOf(files);
        String text;
        if (files.size() == 1) {
            text = texts.get(0) + ".";
        } else {
            Path folder = files.get(0).getParent();
            boolean oneFolder =
                    folder != null && files.stream().allMatch(f -> folder.equals(f.getParent()));
            List<String> names =
                    files.stream()
                            .sorted()
                            .limit(5)
                            .map(f -> oneFolder ? f.getFileName().toString() : f.toString())
                            .toList();
            text =
                    String.format(
                            "%d files%s look binary and were not opened: %s%s. Open them anyway"
                                    + " to see them as text.",
                            files.size(),
                            oneFolder ? " in " + folder : "",
                            String.join(", ", names),
                            files.size() > 5 ? ", \u2026" : "");
        }
        return new UserMessage(
                UserMessage.Severity.WARNING,
                text,
                "",
                files.size() == 1 ? "Open Anyway" : "Open All Anyway",
                () -> {
                    files.clear();
                    texts.clear();
                    shown = null;
                    openAnyway.accept(answer);
                });
    }
}
