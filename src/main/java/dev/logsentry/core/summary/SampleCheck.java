package dev.logsentry.core.summary;

import dev.logsentry.core.summary.ServiceDefinition.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tests a service against its own sample lines, the way lnav formats test themselves: each sample
 * must be claimed and give the group and fields it names, and every rule must be exercised by at
 * least one sample, so a pattern that reads nothing cannot ship.
 */
public final class SampleCheck {
    private SampleCheck() {}

    /** The problems found; empty when every sample passes and every rule has one. */
    public static List<String> check(PatternService s) {
        ServiceDefinition def = s.definition();
        List<String> problems = new ArrayList<>();
        if (def.samples().isEmpty()) {
            problems.add("no samples: every service file needs sample lines that test it");
            return problems;
        }
        if (def.usesDnscache()) {
            return DnscacheService.checkSamples(def); // the real parser reads them
        }
        boolean[] used = new boolean[def.rules().size() + 1];
        int n = 0;
        for (Sample sample : def.samples()) {
            n++;
            String where = "sample " + n + " '" + abbreviate(sample.line()) + "'";
            if (sample.line() == null) {
                problems.add("sample " + n + " has no line");
                continue;
            }
            String prog = sample.program() != null ? sample.program() : defaultProgram(def);
            if (!s.claimsProgram(prog) || !s.claimsMessage(sample.line())) {
                problems.add(where + " is not claimed by the service (program " + prog + ")");
                continue;
            }
            PatternService.Reading r = s.read(sample.line());
            used[r.rule()] = true;
            if (sample.unmatched()) {
                if (r.matched()) {
                    problems.add(where + " should be unmatched but rule " + r.rule() + " reads it");
                }
                continue;
            }
            if (!r.matched()) {
                problems.add(where + " matches no rule");
                continue;
            }
            if (sample.ignored() && r.group() >= 0) {
                problems.add(where + " should be ignored but counts in " + s.groupId(r.group()));
                continue;
            }
            if (sample.group() != null
                    && (r.group() < 0 || !sample.group().equals(s.groupId(r.group())))) {
                problems.add(
                        where
                                + " should count in "
                                + sample.group()
                                + " but "
                                + (r.group() < 0
                                        ? "is ignored"
                                        : "counts in " + s.groupId(r.group()))
                                + " (rule "
                                + r.rule()
                                + ")");
                continue;
            }
            for (Map.Entry<String, String> f : sample.fields().entrySet()) {
                String got = r.fields().get(f.getKey());
                if (!f.getValue().equals(got)) {
                    problems.add(
                            where
                                    + ": field "
                                    + f.getKey()
                                    + " should be '"
                                    + f.getValue()
                                    + "' but is '"
                                    + got
                                    + "'");
                }
            }
        }
        for (int i = 1; i < used.length; i++) {
            if (!used[i]) {
                problems.add(
                        "rule "
                                + i
                                + " ("
                                + abbreviate(def.rules().get(i - 1).pattern())
                                + ") matches none of the samples");
            }
        }
        return problems;
    }

    /** The program a sample comes with when it names none: the claim's program if plain. */
    static String defaultProgram(ServiceDefinition def) {
        if (def.claim() == null || def.claim().program() == null) {
            return "any";
        }
        String p = def.claim().program();
        if (p.matches("[A-Za-z0-9_./-]+")) {
            return p;
        }
        return def.name();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
