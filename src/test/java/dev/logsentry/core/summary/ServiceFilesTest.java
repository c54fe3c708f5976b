package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service files test themselves with their samples; these tests make sure they do. */
class ServiceFilesTest {
    @TempDir Path dir;

    @Test
    void everyBundledServiceLoadsAndPassesItsSamples() {
        ServiceLoader.Catalog c = ServiceLoader.load(List.of());
        assertThat(c.warnings()).isEmpty();
        assertThat(c.services().keySet())
                .containsExactly(
                        "cron",
                        "dnscache",
                        "kernel",
                        "pam_unix",
                        "postfix",
                        "sshd",
                        "su",
                        "sudo",
                        "systemd");
        for (ServiceLoader.LoadedService s : c.services().values()) {
            assertThat(SampleCheck.check(s.compiled())).as(s.from()).isEmpty();
            assertThat(s.definition().samples()).as(s.from()).isNotEmpty();
        }
    }

    @Test
    void eachSampleIsCountedWhereItSays() {
        ServiceLoader.Catalog c = ServiceLoader.load(List.of());
        for (ServiceLoader.LoadedService s : c.services().values()) {
            if (s.definition().usesDnscache()) {
                continue;
            }
            PatternService.Accumulator a = s.compiled().accumulator(true);
            int n = 0;
            for (ServiceDefinition.Sample sample : s.definition().samples()) {
                a.accept(sample.line(), sample.line(), 0, ++n);
            }
            ServiceSummary sum = a.summary();
            for (ServiceDefinition.Group g : s.definition().groups()) {
                long expected =
                        s.definition().samples().stream()
                                .filter(x -> g.id().equals(x.group()))
                                .count();
                assertThat(sum.section(g.id()).total())
                        .as(s.from() + " group " + g.id())
                        .isEqualTo(expected);
            }
            long unmatched =
                    s.definition().samples().stream()
                            .filter(ServiceDefinition.Sample::unmatched)
                            .count();
            assertThat(sum.unmatched()).as(s.from()).hasSize((int) unmatched);
        }
    }

    @Test
    void aFileWhoseSampleFailsIsRefusedNamingFileAndSample() throws Exception {
        Files.writeString(
                dir.resolve("sshd.yaml"),
                "name: sshd\nclaim: {program: sshd}\ngroups:\n  - {id: ok, title: OK, keys: [user]}\n"
                        + "rules:\n  - {pattern: '^Accepted for (?<user>\\S+)', group: ok}\n"
                        + "samples:\n  - {line: 'Accepted for alice', group: ok, fields: {user: bob}}\n");
        ServiceLoader.Catalog c = ServiceLoader.load(List.of(dir));
        assertThat(c.warnings()).hasSize(1);
        assertThat(c.warnings().get(0))
                .contains(dir.resolve("sshd.yaml").toString())
                .contains("sample 1 'Accepted for alice'")
                .contains("field user should be 'bob' but is 'alice'");
        assertThat(c.services().get("sshd").from())
                .as("the bundled one stays")
                .isEqualTo("bundled sshd.yaml");
    }

    @Test
    void askingForAServiceWhoseFileWasRefusedSaysWhy() throws Exception {
        Files.writeString(
                dir.resolve("myapp.yaml"),
                "name: myapp\nclaim: {program: myapp}\ngroups: [{id: a, title: A}]\n"
                        + "rules:\n  - {pattern: '^one', group: a}\n  - {pattern: '^two', group: a}\n"
                        + "samples: [{line: one, group: a}]\n");
        ServiceLoader.Catalog c = ServiceLoader.load(List.of(dir));
        assertThatThrownBy(() -> SummaryService.choose(c, List.of("myapp")))
                .hasMessageStartingWith("no service 'myapp' (")
                .hasMessageContaining(dir.resolve("myapp.yaml").toString())
                .hasMessageContaining("rule 2 (^two) matches none of the samples")
                .hasMessageContaining("; known: cron, dnscache");
    }

    @Test
    void aRuleThatNoSampleExercisesIsRefused() {
        assertThatThrownBy(
                        () ->
                                ServiceLoader.parse(
                                        "name: x\nclaim: {program: x}\ngroups: [{id: a, title: A}]\n"
                                                + "rules:\n  - {pattern: '^one', group: a}\n  - {pattern: '^two', group: a}\n"
                                                + "samples: [{line: one, group: a}]\n",
                                        "x.yaml"))
                .hasMessageContaining("x.yaml")
                .hasMessageContaining("rule 2 (^two) matches none of the samples");
    }

    @Test
    void brokenYamlAndBrokenRegexNameTheFile() {
        assertThatThrownBy(() -> ServiceLoader.parse("name: [x\n", "bad.yaml"))
                .hasMessageStartingWith("bad.yaml: not a valid service file");
        assertThatThrownBy(
                        () ->
                                ServiceLoader.parse(
                                        "name: x\nclaim: {program: x}\ngroups: [{id: a, title: A}]\n"
                                                + "rules: [{pattern: '^(unclosed', group: a}]\nsamples: [{line: x}]\n",
                                        "re.yaml"))
                .hasMessageContaining("re.yaml: rule 1")
                .hasMessageContaining("does not compile");
    }

    @Test
    void theUsersFolderOverridesTheSystemFolderWhichOverridesTheBundledFile() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path user = Files.createDirectories(dir.resolve("user/logsentry/services"));
        String svc =
                "name: cron\ntitle: %s\nclaim: {program: CRON}\ngroups: [{id: c, title: C, keys: [user]}]\n"
                        + "rules: [{pattern: '^\\((?<user>[^)]+)\\) CMD', group: c}]\n"
                        + "samples: [{line: '(root) CMD (x)', group: c, fields: {user: root}}]\n";
        Files.writeString(etc.resolve("cron.yaml"), svc.formatted("System cron"));
        assertThat(ServiceLoader.load(List.of(etc)).services().get("cron").definition().title())
                .isEqualTo("System cron");
        Files.writeString(user.resolve("cron.yaml"), svc.formatted("My cron"));
        List<Path> folders =
                ServiceLoader.folders(Map.of("XDG_CONFIG_HOME", dir.resolve("user").toString()));
        assertThat(folders).containsExactly(Path.of("/etc/logsentry/services"), user);
        assertThat(
                        ServiceLoader.load(List.of(etc, user))
                                .services()
                                .get("cron")
                                .definition()
                                .title())
                .isEqualTo("My cron");
    }

    /**
     * A catalog loaded ahead of time (while picocli builds) is the one a load of the same folders
     * gets; a load of other folders does not take it, and a user's file added meanwhile is seen.
     */
    @Test
    void aPreloadedCatalogIsTakenOnlyForTheSameFolders() throws Exception {
        Path user = Files.createDirectories(dir.resolve("user"));
        ServiceLoader.preload(List.of(dir.resolve("elsewhere")));
        Files.writeString(
                user.resolve("mine.yaml"),
                "name: mine\nclaim: {program: mine}\ngroups: [{id: all, title: All}]\n"
                        + "rules: [{pattern: 'x', group: all}]\nsamples: [{line: x, group: all}]\n");
        ServiceLoader.Catalog c = ServiceLoader.load(List.of(user));
        assertThat(c.warnings()).isEmpty();
        assertThat(c.services()).containsKey("mine");
        ServiceLoader.preload(List.of(user));
        ServiceLoader.Catalog pre = ServiceLoader.load(List.of(user));
        assertThat(pre.services().keySet()).isEqualTo(c.services().keySet());
        assertThat(pre.warnings()).isEqualTo(c.warnings());
        // taken once: the next load reads the files again
        assertThat(ServiceLoader.load(List.of(user))).isNotSameAs(pre);
    }
}
