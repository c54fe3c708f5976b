package dev.logsentry.core.rules.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code LC_ALL=C /usr/bin/grep -E --text} for differential tests. */
public final class GrepRunner {

    static final Path GREP = Path.of("/usr/bin/grep");

    private GrepRunner() {}

    public static boolean available() {
        return Files.isExecutable(GREP);
    }

    /** The lines of {@code input} grep selects, or null when grep rejects the pattern. */
    public static List<String> select(String pattern, List<String> input, Path work)
            throws IOException, InterruptedException {
        Path in = Files.createTempFile(work, "in", ".log");
        Files.write(
                in, String.join("\n", input).concat("\n").getBytes(StandardCharsets.ISO_8859_1));
        ProcessBuilder pb =
                new ProcessBuilder(GREP.toString(), "-E", "--text", "-e", pattern, in.toString());
        pb.environment().put("LC_ALL", "C");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        if (p.exitValue() == 2) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        String text = new String(out, StandardCharsets.ISO_8859_1);
        if (!text.isEmpty()) {
            for (String l : text.substring(0, text.length() - 1).split("\n", -1)) {
                lines.add(l);
            }
        }
        return lines;
    }
}
