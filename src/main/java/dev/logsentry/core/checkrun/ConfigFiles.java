package dev.logsentry.core.checkrun;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the files that configure a check: LogSentry's own YAML/JSON config, Debian's logcheck.conf
 * (shell assignments, read as data and never executed) and logcheck.logfiles lists.
 */
public final class ConfigFiles {
    private ConfigFiles() {}

    /** Reads a YAML ({@code .yaml}, {@code .yml}) or JSON config file. Unknown keys are errors. */
    public static CheckConfig readConfig(Path file) throws ConfigException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? new JsonMapper() : new YAMLMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            CheckConfig c = mapper.readValue(file.toFile(), CheckConfig.class);
            return c == null ? CheckConfig.empty() : c;
        } catch (JacksonException e) {
            String where =
                    e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ConfigException(file + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the variable assignments of a logcheck.conf as bash would set them (see {@link
     * ShellAssignments}); nothing in the file is executed. Lines it does not follow are skipped.
     */
    public static Map<String, String> readShellAssignments(Path file) throws ConfigException {
        return readLogcheckConf(file, System.getenv()).vars();
    }

    /** Like {@link #readShellAssignments(Path)}, with a warning per line not followed. */
    public static LogcheckConf readLogcheckConf(Path file, Map<String, String> env)
            throws ConfigException {
        ShellAssignments.Result r = ShellAssignments.parse(file.toString(), lines(file), env);
        return new LogcheckConf(r.vars(), r.warnings());
    }

    /**
     * The settings of a logcheck.conf.
     *
     * @param vars the variables it sets
     * @param warnings one per line that was skipped, naming the file and line
     */
    public record LogcheckConf(Map<String, String> vars, List<String> warnings) {}

    /** Turns logcheck.conf settings into a config layer (unknown variables are ignored). */
    public static CheckConfig fromLogcheckConf(Map<String, String> v) {
        Boolean sortUniq = flag(v.get("SORTUNIQ"));
        Boolean crackingIgnore = flag(v.get("SUPPORT_CRACKING_IGNORE"));
        Boolean intro =
                v.containsKey("INTRO")
                        ? !"no".equals(v.get("INTRO")) && !"0".equals(v.get("INTRO"))
                        : null;
        CheckConfig.Rules rules =
                new CheckConfig.Rules(
                        blankToNull(v.get("RULEDIR")),
                        blankToNull(v.get("REPORTLEVEL")),
                        null,
                        sortUniq,
                        crackingIgnore,
                        intro,
                        blankToNull(v.get("ATTACKSUBJECT")),
                        blankToNull(v.get("SECURITYSUBJECT")),
                        blankToNull(v.get("EVENTSSUBJECT")));
        CheckConfig.Report report =
                new CheckConfig.Report(
                        null,
                        null,
                        null,
                        null,
                        flag(v.get("FQDN")),
                        v.containsKey("ADDTAG") ? "yes".equals(v.get("ADDTAG")) : null,
                        null);
        String to = blankToNull(v.get("SENDMAILTO"));
        CheckConfig.Mail mail =
                new CheckConfig.Mail(
                        to == null ? null : List.of(to.split("[\\s,]+")),
                        blankToNull(v.get("MAILFROM")),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        flag(v.get("MAILASATTACH")),
                        null);
        return new CheckConfig(rules, null, null, report, mail);
    }

    /**
     * Reads a logcheck.logfiles list: one path per line; lines starting with {@code #} and blank
     * lines are skipped, as logcheck's {@code grep -v "(^#|^[[:space:]]*$)"} does.
     */
    public static List<String> readLogfilesList(Path file) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (String line : lines(file)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> lines(Path file) throws ConfigException {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Boolean flag(String s) {
        return s == null
                ? null
                : "1".equals(s) || "yes".equalsIgnoreCase(s) || "true".equalsIgnoreCase(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
