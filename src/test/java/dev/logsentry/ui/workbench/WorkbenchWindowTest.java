package dev.logsentry.ui.workbench;

import static dev.logsentry.testkit.Fx.onFx;
import static dev.logsentry.testkit.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logsentry.testkit.FakeDialogs;
import dev.logsentry.testkit.WorkbenchFixture;
import dev.logsentry.ui.events.LogRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    @TempDir Path temp;

    @RegisterExtension final WorkbenchFixture wb = new WorkbenchFixture(new FakeDialogs());

    @Test
    void droppedSampleShowsItsLinesInTheTableAndItsCountInTheStatusBar(FxRobot robot)
            throws Exception {
        Path sample = copySample("/dev/logsentry/samples/syslog/syslog", "syslog");
        List<String> expected = Files.readAllLines(sample);

        robot.interact(() -> wb.window().openDropped(List.of(sample.toFile())));
        waitUntil(
                () ->
                        wb.window().events().table().getItems().size() == expected.size()
                                && robot.lookup("#lineCount")
                                        .queryAs(Label.class)
                                        .getText()
                                        .equals(String.format("%,d lines", expected.size())));

        assertThat(wb.window().events().table().getItems())
                .extracting(LogRow::text)
                .containsExactlyElementsOf(expected);
        assertThat(
                        onFx(
                                () ->
                                        robot.lookup(".table-row-cell .message-column")
                                                .queryAllAs(TableCell.class)))
                .extracting(c -> String.valueOf(c.getItem()))
                .anyMatch(message -> expected.get(0).endsWith(": " + message));
        assertThat(wb.window().stage().getTitle()).startsWith("syslog");
    }

    @Test
    void unreadableFileShowsAMessageNamingIt(FxRobot robot) throws Exception {
        // Runs as root in CI, where chmod 000 does not stop reading: a write-only sysfs attribute
        // refuses reads even to root ("Permission denied").
        Path unreadable = writeOnlySysfsFile();

        robot.interact(() -> wb.window().openDropped(List.of(unreadable.toFile())));
        waitUntil(() -> !robot.lookup(".message-text").queryAll().isEmpty());

        Label message = onFx(() -> robot.lookup(".message-text").queryAs(Label.class));
        assertThat(message.getText()).contains(unreadable.toString());
        assertThat(message.getText()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(wb.model().sources()).isEmpty();
    }

    @Test
    void missingFileShowsAMessageNamingIt(FxRobot robot) throws Exception {
        Path missing = temp.resolve("no-such.log");

        robot.interact(() -> wb.window().openDropped(List.of(missing.toFile())));
        waitUntil(() -> !robot.lookup(".message-text").queryAll().isEmpty());

        assertThat(onFx(() -> robot.lookup(".message-text").queryAs(Label.class).getText()))
                .contains(missing.toString());
    }

    @Test
    void emptyFileOpensWithNoLinesAndSaysSo(FxRobot robot) throws Exception {
        Path empty = Files.createFile(temp.resolve("empty.log"));

        robot.interact(() -> wb.window().openDropped(List.of(empty.toFile())));
        waitUntil(() -> !robot.lookup(".message-text").queryAll().isEmpty());

        assertThat(onFx(() -> robot.lookup(".message-text").queryAs(Label.class).getText()))
                .contains(empty.toString())
                .contains("empty");
        assertThat(wb.model().sources()).hasSize(1);
    }

    @Test
    void followModeShowsLinesAppendedAfterOpening(FxRobot robot) throws Exception {
        Path log = temp.resolve("app.log");
        Files.writeString(log, "Nov 24 06:00:00 host app[1]: first\n");
        robot.interact(() -> wb.window().openDropped(List.of(log.toFile())));
        waitUntil(
                () ->
                        wb.model().sources().size() == 1
                                && wb.model().sources().get(0).stateProperty().get()
                                        == dev.logsentry.ui.sources.SourceItem.State.READY);

        robot.interact(() -> wb.model().toggleFollow());
        waitUntil(() -> wb.model().sources().get(0).followingProperty().get());
        Files.writeString(
                log,
                "Nov 24 06:00:01 host app[1]: second\nNov 24 06:00:02 host app[1]: third\n",
                java.nio.file.StandardOpenOption.APPEND);

        waitUntil(() -> wb.window().events().table().getItems().size() == 3);
        assertThat(wb.window().events().table().getItems())
                .extracting(LogRow::text)
                .last()
                .asString()
                .endsWith("third");

        robot.interact(() -> wb.model().toggleFollow());
        assertThat(wb.model().sources().get(0).followingProperty().get()).isFalse();
    }

    @Test
    void followedDnscacheLogShowsNewQueriesInTheDnsPerspective(FxRobot robot) throws Exception {
        Path log = copySample("/dev/logsentry/samples/dnscache/current", "current");
        robot.interact(() -> wb.window().openDropped(List.of(log.toFile())));
        waitUntil(
                () ->
                        wb.model().isDnscache(wb.model().sources().get(0))
                                && !wb.model().dns().rows().isEmpty());
        assertThat(wb.window().perspectiveProperty().get()).isEqualTo(Perspective.DNS);

        robot.interact(() -> wb.model().toggleFollow());
        waitUntil(() -> wb.model().sources().get(0).followingProperty().get());
        String now = dev.logsentry.core.time.Tai64n.format(java.time.Instant.now());
        Files.writeString(
                log,
                now + " query 9001 7f000001:a4d1:1234 1 localhost.\n" + now + " sent 9001 43\n",
                java.nio.file.StandardOpenOption.APPEND);

        waitUntil(() -> wb.model().dns().rows().stream().anyMatch(r -> r.tree().serial() == 9001));
        robot.interact(() -> wb.model().toggleFollow());
    }

    @Test
    void aPlainFolderOpensEveryLogFileInIt(FxRobot robot) throws Exception {
        Path dir = Files.createDirectory(temp.resolve("logs"));
        Files.writeString(dir.resolve("auth.log"), "Nov 24 06:00:00 host sshd[1]: a\n");
        Files.writeString(dir.resolve("syslog"), "Nov 24 06:00:00 host cron[1]: b\n");

        robot.interact(() -> wb.window().openDropped(List.of(dir.toFile())));
        waitUntil(() -> wb.model().sources().size() == 2);

        assertThat(wb.model().sources())
                .extracting(s -> s.path().getFileName().toString())
                .containsExactly("auth.log", "syslog");
    }

    private Path copySample(String resource, String name) throws IOException {
        Path target = temp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    private static Path writeOnlySysfsFile() throws IOException {
        Path preferred = Path.of("/sys/bus/platform/uevent");
        if (Files.exists(preferred)) {
            return preferred;
        }
        Path bus = Path.of("/sys/bus");
        assumeTrue(Files.isDirectory(bus), "needs Linux sysfs");
        try (Stream<Path> buses = Files.list(bus)) {
            return buses.map(b -> b.resolve("uevent"))
                    .filter(Files::exists)
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new org.opentest4j.TestAbortedException(
                                            "no write-only sysfs file"));
        }
    }
}
