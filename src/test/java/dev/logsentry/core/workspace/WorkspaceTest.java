package dev.logsentry.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logsentry.core.check.CheckOptions;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.Profile;
import dev.logsentry.core.checkrun.RuleSetup;
import dev.logsentry.core.rules.Level;
import dev.logsentry.core.source.follow.FollowedSource;
import dev.logsentry.testkit.Await;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's core service, without any JavaFX. */
class WorkspaceTest {
    @TempDir Path temp;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final Workspace workspace = new Workspace(background);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutDown() {
        workspace.close();
        background.shutdownNow();
    }

    private final WorkspaceListener recorder =
            new WorkspaceListener() {
                @Override
                public void added(OpenSource s) {
                    events.add("added " + s.name());
                }

                @Override
                public void changed(OpenSource s) {
                    events.add(s.state() + " " + s.name());
                }

                @Override
                public void removed(OpenSource s) {
                    events.add("removed " + s.name());
                }

                @Override
                public void problem(Problem p) {
                    events.add("problem " + p.message());
                }
            };

    private Path log(String name, String... lines) throws IOException {
        Path p = temp.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }

    private static void awaitReady(OpenSource s) {
        Await.until(s.name() + " is indexed", () -> s.state() == OpenSource.State.READY);
    }

    @Test
    void openTellsTheListenersEachStepAndTheSamePathOpensOnce() throws Exception {
        workspace.addListener(recorder);
        Path p =
                log(
                        "syslog",
                        "Nov 24 06:00:00 host app[1]: one",
                        "Nov 24 06:00:01 host app[1]: two");

        OpenSource s = workspace.open(p).get(0);
        awaitReady(s);

        assertThat(workspace.open(p)).containsExactly(s);
        assertThat(s.lines().lineCount()).isEqualTo(2);
        assertThat(s.contentKind()).isEqualTo(ContentKind.SYSLOG);
        assertThat(events).containsSubsequence("added syslog", "INDEXING syslog", "READY syslog");
        assertThat(workspace.sources()).containsExactly(s);
    }

    @Test
    void aDnscacheMultilogDirectoryIsRecognisedAsDnscache() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("dnscache"));
        try (InputStream in =
                getClass().getResourceAsStream("/dev/logsentry/samples/dnscache/current")) {
            Files.copy(in, dir.resolve("current")); // TAI64N-labelled, as multilog writes it
        }

        OpenSource s = workspace.open(dir).get(0);
        awaitReady(s);

        assertThat(s.contentKind()).isEqualTo(ContentKind.DNSCACHE);
    }

    @Test
    void aMissingFileFailsWithAMessageNamingItAndLeavesTheList() {
        workspace.addListener(recorder);
        Path missing = temp.resolve("nope.log");

        OpenSource s = workspace.open(missing).get(0);
        Await.until("the open failed", () -> s.state() == OpenSource.State.FAILED);
        Await.until("it left the list", () -> workspace.sources().isEmpty());

        assertThat(events)
                .anyMatch(e -> e.startsWith("problem ") && e.contains(missing.toString()));
    }

    @Test
    void mergeJoinsTwoLogsInTimeOrderAndNeedsTwo() throws Exception {
        workspace.addListener(recorder);
        OpenSource a =
                workspace
                        .open(log("a.log", "Nov 24 06:00:00 h a: 1", "Nov 24 06:00:02 h a: 3"))
                        .get(0);
        awaitReady(a);
        assertThat(workspace.mergeOpenLogs()).isNull();
        assertThat(events).anyMatch(e -> e.contains("Merge needs at least two"));
        OpenSource b = workspace.open(log("b.log", "Nov 24 06:00:01 h b: 2")).get(0);
        awaitReady(b);

        OpenSource merged = workspace.mergeOpenLogs();
        awaitReady(merged);

        assertThat(merged.contentKind()).isEqualTo(ContentKind.MERGED);
        assertThat(merged.lines().lineCount()).isEqualTo(3);
        assertThat(merged.lines().line(1)).endsWith("b: 2");
    }

    @Test
    void followAppendsNewLinesAndTellsTheListenersWithoutPolling() throws Exception {
        Path p = log("app.log", "Nov 24 06:00:00 h app: first");
        OpenSource s = workspace.open(p).get(0);
        awaitReady(s);
        List<Long> grew = new CopyOnWriteArrayList<>();
        workspace.addListener(
                new WorkspaceListener() {
                    @Override
                    public void progressed(OpenSource src) {
                        grew.add(src.lines().lineCount());
                    }
                });

        workspace.follow(s, true);
        Files.writeString(p, "Nov 24 06:00:01 h app: second\n", StandardOpenOption.APPEND);

        Await.until("the appended line arrived", () -> s.lines().lineCount() == 2);
        assertThat(s.following()).isTrue();
        assertThat(s.lines()).isInstanceOf(FollowedSource.class);
        assertThat(s.lines().line(1)).endsWith("second");
        Await.until("the listener heard", () -> grew.contains(2L));
        workspace.follow(s, false);
        assertThat(s.following()).isFalse();
        assertThat(s.lines().line(1)).endsWith("second"); // still readable after stopping
    }

    @Test
    void classificationsClassifyEveryOpenSourceAndStopWhenItCloses() throws Exception {
        Classifications c = new Classifications(workspace, background, 2);
        List<Classification> summarized = new CopyOnWriteArrayList<>();
        c.addListener(
                new Classifications.Listener() {
                    @Override
                    public void progressed(Classification x) {}

                    @Override
                    public void summarized(Classification x) {
                        summarized.add(x);
                    }

                    @Override
                    public void failed(Classification x, String message) {}
                });
        c.setClassifier(
                new Classifier(
                        new RuleSetup(
                                        null,
                                        Level.SERVER,
                                        CheckOptions.defaults(Profile.LOGCHECK_1_4))
                                .load(),
                        CheckOptions.defaults(Profile.LOGCHECK_1_4)));
        OpenSource s = workspace.open(log("x.log", "Nov 24 06:00:00 h sshd[1]: hello")).get(0);

        Await.until("classified", () -> !summarized.isEmpty());
        assertThat(summarized.get(0).source()).isSameAs(s);
        assertThat(summarized.get(0).classified().classifiedCount()).isEqualTo(1);

        workspace.close(s);
        assertThat(c.of(s)).isNull();
        c.close();
        assertThat(workspace.listenerCount()).isZero();
    }

    @Test
    void openingAndClosingAHundredSourcesRetainsNothing() throws Exception {
        AutoCloseable sub = workspace.addListener(recorder);
        Classifications c = new Classifications(workspace, background, 1);
        List<WeakReference<Object>> refs = new ArrayList<>();
        Path p = log("many.log", "Nov 24 06:00:00 h app: line");
        for (int i = 0; i < 100; i++) {
            OpenSource s = workspace.open(p).get(0);
            awaitReady(s);
            if (i % 10 == 0) {
                workspace.follow(s, true);
            }
            refs.add(new WeakReference<>(s));
            refs.add(new WeakReference<>(s.lines()));
            workspace.close(s);
            assertThat(s.lines()).isNull();
        }
        sub.close();
        c.close();
        events.clear();

        assertThat(workspace.sources()).isEmpty();
        assertThat(workspace.listenerCount()).isZero();
        Await.garbageCollectedUntil(
                "open sources or their lines", () -> refs.stream().allMatch(r -> r.get() == null));
    }
}
