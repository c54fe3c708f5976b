package dev.logsentry.core.summary;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One service of the summary as written in its data file ({@code services/NAME.yaml}): which lines
 * it claims, the patterns that read them, the fields they extract, how they are counted and the
 * sample lines that test them. It is plain data; {@link ServiceLoader} validates it and {@link
 * PatternService} compiles it. Kept as data so administrators can add and override services without
 * a build, the way lnav formats and logwatch service scripts are added.
 *
 * @param name the service name used by {@code --service} (lower case)
 * @param title the heading in the digest
 * @param engine {@code patterns} (default) or {@code dnscache} (resolution trees, see {@link
 *     DnscacheService}); a dnscache service uses only {@code claim} and {@code samples}
 * @param claim which lines belong to the service
 * @param unmatched {@code list} (default: lines claimed but read by no rule are listed, as logwatch
 *     does) or {@code ignore} (the service claims a whole program but reads only some of it)
 * @param groups the counted sections, in digest order
 * @param rules the patterns, tried in order; the first that matches decides
 * @param samples lines with the rule group and fields they must give; every rule needs one
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ServiceDefinition(
        String name,
        String title,
        String engine,
        Claim claim,
        String unmatched,
        List<Group> groups,
        List<Rule> rules,
        List<Sample> samples) {

    public ServiceDefinition {
        engine = engine == null ? "patterns" : engine;
        unmatched = unmatched == null ? "list" : unmatched;
        groups = groups == null ? List.of() : List.copyOf(groups);
        rules = rules == null ? List.of() : List.copyOf(rules);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /**
     * Which lines a service reads: the syslog program tag (a regular expression matched against the
     * whole tag) and/or a regular expression found in the message. Both given: both must hold.
     */
    public record Claim(String program, String message) {}

    /**
     * A counted section.
     *
     * @param id referenced by rules
     * @param title the heading
     * @param keys the levels an item is counted under, outermost first; each is a field name or a
     *     template with {@code {field}} references ({@code "{user} -> {target}"})
     * @param sum a numeric field added up besides the count (bytes), or null
     * @param chart {@code bars} to draw the first level as a bar chart in HTML, or null
     */
    public record Group(String id, String title, List<String> keys, String sum, String chart) {
        public Group {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    /**
     * A pattern.
     *
     * @param pattern a Java regular expression found at the start of the message ({@code
     *     lookingAt}); named groups are the fields
     * @param group the group it counts in, or null with {@code ignore}
     * @param ignore the line is read but not counted (known noise)
     * @param set constant fields added when it matches
     */
    public record Rule(String pattern, String group, boolean ignore, Map<String, String> set) {
        public Rule {
            set = set == null ? Map.of() : Map.copyOf(set);
        }
    }

    /**
     * A sample line that tests the definition.
     *
     * @param line the message (what follows {@code program[pid]: }), or for a service without a
     *     program claim the whole line
     * @param program the program tag the line comes with (default: the claim's program when it is a
     *     plain name)
     * @param group the group it must be counted in, or null
     * @param ignored it must be read and ignored
     * @param unmatched it must be claimed but left unmatched
     * @param fields fields it must give (a subset)
     */
    public record Sample(
            String line,
            String program,
            String group,
            boolean ignored,
            boolean unmatched,
            Map<String, String> fields) {
        public Sample {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /** Whether the service is built on dnscache's resolution trees. */
    public boolean usesDnscache() {
        return "dnscache".equals(engine);
    }
}
