package dev.logsentry.ui.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample logs bundled in the jar, copied to a private temporary folder so they open like any
 * other file: a syslog with attack, violation, unusual and routine lines, and a dnscache log.
 */
public final class SampleLogs {
    /** Resource path and the file name it gets on disk. */
    private static final String[][] SAMPLES = {
        {"/dev/logsentry/samples/syslog/syslog", "syslog"},
        {"/dev/logsentry/samples/dnscache/current", "dnscache-current"},
    };

    private SampleLogs() {}

    /** Copies the samples out and returns their paths; a sample that is missing is reported. */
    public static List<Path> extract(List<UserMessage> messages) {
        List<Path> out = new ArrayList<>();
        Path dir;
        try {
            dir = Files.createTempDirectory("logsentry-samples");
            dir.toFile().deleteOnExit();
        } catch (IOException e) {
            messages.add(
                    UserMessage.error(
                            "Cannot create a folder for the sample logs: " + e.getMessage(), e));
            return out;
        }
        for (String[] sample : SAMPLES) {
            try (InputStream in = SampleLogs.class.getResourceAsStream(sample[0])) {
                if (in == null) {
                    continue;
                }
                Path target = dir.resolve(sample[1]);
                Files.copy(in, target);
                target.toFile().deleteOnExit();
                out.add(target);
            } catch (IOException e) {
                messages.add(
                        UserMessage.error(
                                "Cannot copy the sample " + sample[1] + ": " + e.getMessage(), e));
            }
        }
        return out;
    }
}
