package dev.logsentry.core.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds and loads the service files: the bundled ones ({@code dev/logsentry/services/} in the jar),
 * then {@code /etc/logsentry/services/NAME.yaml}, then {@code
 * $XDG_CONFIG_HOME/logsentry/services/NAME.yaml} (default {@code ~/.config}); a later file with the
 * same name replaces the earlier one, as {@code /etc/logwatch} overrides {@code
 * /usr/share/logwatch}. Every file is tested against its own samples when loaded: a file whose
 * samples fail is not used, and the run says why (naming the file and the sample), keeping the
 * service it would have replaced.
 */
public final class ServiceLoader {
    /** The bundled services, listed because a jar cannot be listed portably. */
    static final String BUNDLED_INDEX = "/dev/logsentry/services/services.list";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ServiceLoader() {}

    /** Loaded services by name, and problems with files that were not used. */
    public record Catalog(Map<String, LoadedService> services, List<String> warnings) {}

    /** A usable service and where it came from. */
    public record LoadedService(
            ServiceDefinition definition, PatternService compiled, String from) {}

    /** The folders searched after the bundled services, in order (later wins). */
    public static List<Path> folders(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        out.add(Path.of("/etc/logsentry/services"));
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            out.add(Path.of(xdg, "logsentry", "services"));
        } else if (env.get("HOME") != null) {
            out.add(Path.of(env.get("HOME"), ".config", "logsentry", "services"));
        }
        return out;
    }

    /** A catalog being loaded ahead of time for {@code folders}, taken by the first load. */
    private record Preload(List<Path> folders, FutureTask<Catalog> task) {}

    private static final AtomicReference<Preload> PRELOAD = new AtomicReference<>();

    /**
     * Starts loading the catalog for {@code folders} on a background thread, so that reading and
     * compiling the service files (about a quarter of a second, most of it Jackson's start)
     * overlaps what the caller does meanwhile (picocli building the command line); the next {@link
     * #load} of the same folders takes the result. A preload nobody takes costs only its thread.
     */
    public static void preload(List<Path> folders) {
        Preload p = new Preload(List.copyOf(folders), new FutureTask<>(() -> loadNow(folders)));
        Thread t = new Thread(p.task(), "logsentry-services");
        t.setDaemon(true);
        PRELOAD.set(p);
        t.start();
    }

    /** Loads the bundled services and those in {@code folders}. */
    public static Catalog load(List<Path> folders) {
        Preload p = PRELOAD.getAndSet(null);
        if (p != null && p.folders().equals(folders)) {
            try {
                return p.task().get();
            } catch (ExecutionException e) {
                // loaded again below, where the failure shows as it would have
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return loadNow(folders);
    }

    private static Catalog loadNow(List<Path> folders) {
        Map<String, LoadedService> services = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (String name : bundledNames()) {
            String res = "/dev/logsentry/services/" + name + ".yaml";
            try (InputStream in = ServiceLoader.class.getResourceAsStream(res)) {
                if (in == null) {
                    warnings.add("bundled service " + name + " is missing from the jar");
                    continue;
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                add(services, warnings, text, "bundled " + name + ".yaml");
            } catch (IOException e) {
                warnings.add("bundled service " + name + ": " + e.getMessage());
            }
        }
        for (Path dir : folders) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
                ds.forEach(files::add);
            } catch (IOException e) {
                warnings.add("cannot list " + dir + ": " + e.getMessage());
            }
            files.sort(null);
            for (Path f : files) {
                try {
                    add(
                            services,
                            warnings,
                            Files.readString(f, StandardCharsets.UTF_8),
                            f.toString());
                } catch (IOException e) {
                    warnings.add(f + ": cannot be read: " + e.getMessage() + "; not used");
                }
            }
        }
        return new Catalog(services, List.copyOf(warnings));
    }

    private static void add(
            Map<String, LoadedService> services, List<String> warnings, String text, String from) {
        try {
            LoadedService s = parse(text, from);
            services.put(s.definition().name(), s);
        } catch (IllegalArgumentException e) {
            warnings.add(e.getMessage() + "; not used");
        }
    }

    /**
     * Parses, compiles and tests one service file.
     *
     * @param from the file name for messages
     * @throws IllegalArgumentException naming {@code from} and what is wrong
     */
    public static LoadedService parse(String text, String from) {
        ServiceDefinition def;
        try {
            def = YAML.readValue(text, ServiceDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    from
                            + ": not a valid service file: "
                            + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (def == null || def.name() == null || !def.name().matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException(
                    from + ": 'name' is missing or not lower-case letters, digits, _ . -");
        }
        if (!def.name().equals(def.name().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(from + ": the name must be lower case");
        }
        PatternService compiled;
        try {
            compiled = new PatternService(def);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(from + ": " + e.getMessage(), e);
        }
        List<String> problems = SampleCheck.check(compiled);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(from + ": " + String.join("; ", problems));
        }
        return new LoadedService(def, compiled, from);
    }

    static List<String> bundledNames() {
        List<String> names = new ArrayList<>();
        try (InputStream in = ServiceLoader.class.getResourceAsStream(BUNDLED_INDEX)) {
            if (in == null) {
                return names;
            }
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String n = l.strip();
                if (!n.isEmpty() && !n.startsWith("#")) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            return names;
        }
        return names;
    }
}
