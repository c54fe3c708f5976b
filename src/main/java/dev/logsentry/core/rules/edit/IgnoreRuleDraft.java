package dev.logsentry.core.rules.edit;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule being built from a log line ("ignore lines like this"): the line cut into parts, each
 * variable part kept literally or generalised, one click at a time. Immutable: every change returns
 * a new draft. The rule is anchored at both ends and starts with the two-format prefix of
 * logcheck's shipped rules, so it matches the line in classic syslog and in RFC 3339 form.
 *
 * @param line the log line as logcheck matches it
 * @param program the program name of the header, or null when the line has none
 * @param parts the parts in line order
 */
public record IgnoreRuleDraft(String line, String program, List<RulePart> parts) {

    public IgnoreRuleDraft {
        parts = List.copyOf(parts);
    }

    /** The rule: {@code ^} + every part's regex + {@code $}. */
    public String pattern() {
        StringBuilder out = new StringBuilder("^");
        for (RulePart p : parts) {
            out.append(p.regex());
        }
        return out.append('$').toString();
    }

    /** Indexes of the parts that can be generalised. */
    public List<Integer> variableParts() {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).kind().variable()) {
                result.add(i);
            }
        }
        return result;
    }

    /** The same draft with part {@code index} generalised (or kept literal again). */
    public IgnoreRuleDraft generalise(int index, boolean generalised) {
        RulePart p = parts.get(index);
        if (!p.kind().variable()) {
            throw new IllegalArgumentException("part " + index + " is fixed text: " + p.text());
        }
        List<RulePart> copy = new ArrayList<>(parts);
        copy.set(index, new RulePart(p.kind(), p.text(), generalised));
        return new IgnoreRuleDraft(line, program, copy);
    }

    /** Every part of {@code kind} generalised (or kept literal). */
    public IgnoreRuleDraft generaliseAll(RulePart.Kind kind, boolean generalised) {
        IgnoreRuleDraft d = this;
        for (int i : variableParts()) {
            if (parts.get(i).kind() == kind) {
                d = d.generalise(i, generalised);
            }
        }
        return d;
    }

    /**
     * Where the rule belongs, following logcheck's conventions: a {@code local-<program>} file
     * (local rules never collide with the package's files) whose name run-parts accepts, in the
     * category that can drop the line: {@code ignore.d.<level>} for a system event, {@code
     * violations.ignore.d} for a line a violations.d rule raises, {@code cracking.ignore.d} for one
     * a cracking.d rule raises.
     *
     * @param raisedBy {@link Category#CRACKING} or {@link Category#VIOLATIONS} when such a rule
     *     reports the line now, else null
     * @param level the report level in use (the rule then applies at it and at laxer levels)
     */
    public Proposal proposePlace(Category raisedBy, Level level) {
        String name = localFileName(program);
        if (raisedBy == null) {
            raisedBy = Category.IGNORE;
        }
        return switch (raisedBy) {
            case CRACKING ->
                    new Proposal(
                            new RulePath(Category.CRACKING_IGNORE, null, name),
                            "an attack line is dropped only by cracking.ignore.d, which logcheck reads only"
                                    + " with SUPPORT_CRACKING_IGNORE=1 in logcheck.conf; ignoring an attack"
                                    + " is rarely right");
            case VIOLATIONS ->
                    new Proposal(
                            new RulePath(Category.VIOLATIONS_IGNORE, null, name),
                            "a security event is dropped only by violations.ignore.d (ignore.d rules do"
                                    + " not apply to it)");
            default ->
                    new Proposal(
                            new RulePath(Category.IGNORE, level, name),
                            "ignore.d."
                                    + level.configName()
                                    + " applies at level "
                                    + level.configName()
                                    + (level == Level.WORKSTATION ? "" : " and laxer levels"));
        };
    }

    /**
     * A proposed place for the rule.
     *
     * @param path category, level and file name
     * @param why the reason, in words
     */
    public record Proposal(RulePath path, String why) {}

    /** {@code local-<program>} reduced to what run-parts accepts ({@code [A-Za-z0-9_-]}). */
    public static String localFileName(String program) {
        if (program == null || program.isBlank()) {
            return "local";
        }
        StringBuilder b = new StringBuilder("local-");
        String p = program.toLowerCase(Locale.ROOT);
        int start = p.lastIndexOf('/') >= 0 && p.startsWith("/") ? p.lastIndexOf('/') + 1 : 0;
        for (int i = start; i < p.length(); i++) {
            char c = p.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (ok) {
                b.append(c);
            } else if (b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        while (b.charAt(b.length() - 1) == '-' && b.length() > "local-".length()) {
            b.setLength(b.length() - 1);
        }
        String name = b.toString();
        return name.equals("local-") ? "local" : name;
    }
}
