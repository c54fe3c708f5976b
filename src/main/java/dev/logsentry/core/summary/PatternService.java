package dev.logsentry.core.summary;

import dev.logsentry.core.summary.ServiceDefinition.Group;
import dev.logsentry.core.summary.ServiceDefinition.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern service compiled from its {@link ServiceDefinition}: reads one claimed message, finds
 * the first rule that matches, and counts it in its group under the keys built from the fields.
 * Immutable and shared by every reader thread; the counts live in an {@link Accumulator} per
 * thread.
 */
public final class PatternService {
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final ServiceDefinition def;
    private final Pattern program;
    private final Pattern message;
    private final boolean messageAnchored;
    private final List<CompiledRule> rules = new ArrayList<>();
    private final Map<String, Integer> groupIndex = new LinkedHashMap<>();
    private final List<List<KeyTemplate>> groupKeys = new ArrayList<>();
    private final byte[] messagePrefix;
    private final String wholeMessagePrefix; // the claim is nothing but ^literal, or null
    private int maxBounds = 2; // the most group bounds of a byte rule: Groups never grows

    /**
     * Compiles a definition.
     *
     * @throws IllegalArgumentException naming the rule when a pattern does not compile or refers to
     *     a group that does not exist
     */
    public PatternService(ServiceDefinition def) {
        this.def = def;
        this.program = compile(def.claim() == null ? null : def.claim().program(), "claim.program");
        this.message = compile(def.claim() == null ? null : def.claim().message(), "claim.message");
        this.messageAnchored =
                message != null
                        && message.pattern().startsWith("^")
                        && !message.pattern().contains("|");
        String prefix = messageAnchored ? Literals.of(message.pattern()).prefix() : "";
        this.messagePrefix =
                prefix.isEmpty() ? null : prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean whole =
                !prefix.isEmpty()
                        && message.pattern()
                                .substring(1)
                                .replaceAll("\\\\([^a-zA-Z0-9])", "$1")
                                .equals(prefix);
        this.wholeMessagePrefix = whole ? prefix : null;
        if (program == null && message == null && !def.usesDnscache()) {
            throw new IllegalArgumentException("claim needs a program or a message pattern");
        }
        for (Group g : def.groups()) {
            if (g.id() == null || groupIndex.put(g.id(), groupIndex.size()) != null) {
                throw new IllegalArgumentException("group id missing or repeated: " + g.id());
            }
            List<KeyTemplate> keys = new ArrayList<>();
            for (String k : g.keys()) {
                keys.add(KeyTemplate.of(k));
            }
            groupKeys.add(keys);
        }
        int n = 0;
        for (Rule r : def.rules()) {
            n++;
            String where = "rule " + n + " (" + r.pattern() + ")";
            Pattern p = compile(r.pattern(), where);
            if (p == null) {
                throw new IllegalArgumentException(where + ": no pattern");
            }
            int group = -1;
            if (!r.ignore()) {
                Integer gi = groupIndex.get(r.group());
                if (gi == null) {
                    throw new IllegalArgumentException(
                            where + ": group '" + r.group() + "' is not defined");
                }
                group = gi;
            }
            List<String> names = new ArrayList<>();
            Matcher nm = NAMED_GROUP.matcher(r.pattern());
            while (nm.find()) {
                names.add(nm.group(1));
            }
            List<String> numbered = GroupNumbers.of(r.pattern(), p);
            FieldRef[][] keyRefs = new FieldRef[0][];
            FieldRef sumRef = null;
            if (group >= 0) {
                List<KeyTemplate> keys = groupKeys.get(group);
                keyRefs = new FieldRef[keys.size()][];
                for (int k = 0; k < keys.size(); k++) {
                    List<String> fields = keys.get(k).fields();
                    keyRefs[k] = new FieldRef[fields.size()];
                    for (int f = 0; f < fields.size(); f++) {
                        keyRefs[k][f] = FieldRef.of(fields.get(f), names, numbered, r.set());
                    }
                }
                String sum = def.groups().get(group).sum();
                sumRef = sum == null ? null : FieldRef.of(sum, names, numbered, r.set());
            }
            ByteRegex bytes = numbered == null ? null : ByteRegex.compile(r.pattern());
            if (bytes != null && !bytes.names().equals(numbered)) {
                bytes = null; // numbered otherwise than Java does: let Java match
            }
            maxBounds = Math.max(maxBounds, bytes == null ? 2 : 2 * (bytes.names().size() + 1));
            rules.add(
                    new CompiledRule(
                            n,
                            p,
                            group,
                            r.set(),
                            names,
                            Literals.of(r.pattern()),
                            keyRefs,
                            sumRef,
                            bytes));
        }
    }

    private static Pattern compile(String regex, String where) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    where + ": the pattern does not compile: " + e.getDescription(), e);
        }
    }

    public ServiceDefinition definition() {
        return def;
    }

    public String name() {
        return def.name();
    }

    /** Whether lines of this program tag belong here (the message check aside). */
    public boolean claimsProgram(String prog) {
        return program == null || (prog != null && program.matcher(prog).matches());
    }

    /** Whether the service has a message condition (then {@link #claimsMessage} must be asked). */
    public boolean hasMessageClaim() {
        return message != null;
    }

    /** As {@link #claimsMessage(String)} for the UTF-8 message {@code b[from, to)}. */
    boolean claimsMessage(byte[] b, int from, int to) {
        if (message == null) {
            return true;
        }
        if (wholeMessagePrefix != null) {
            return Arrays.equals(
                    b,
                    from,
                    Math.min(to, from + messagePrefix.length),
                    messagePrefix,
                    0,
                    messagePrefix.length);
        }
        return claimsMessage(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    public boolean claimsMessage(String msg) {
        if (message == null) {
            return true;
        }
        if (wholeMessagePrefix != null) {
            return msg.startsWith(wholeMessagePrefix); // "^pam_unix\\(": no regex needed
        }
        // An anchored claim is tried at the start only: find() would try every position.
        return messageAnchored ? message.matcher(msg).lookingAt() : message.matcher(msg).find();
    }

    /** What one message gave: the rule number (0 = none), its group (-1 = ignored), the fields. */
    public record Reading(int rule, int group, Map<String, String> fields) {
        public boolean matched() {
            return rule > 0;
        }
    }

    /**
     * Reads one message with the first rule that matches (with the byte engine where it applies, as
     * the summary does).
     */
    public Reading read(String msg) {
        return read(msg, false);
    }

    /** As {@link #read(String)}; {@code javaOnly}: every rule by {@code java.util.regex}. */
    Reading read(String msg, boolean javaOnly) {
        Matchers matchers = new Matchers();
        byte[] b = javaOnly ? null : ByteRegex.plainBytes(msg);
        int i = b == null ? match(msg, matchers) : match(b, 0, b.length, matchers);
        if (i < 0) {
            return new Reading(0, -1, Map.of());
        }
        CompiledRule r = rules.get(i);
        Map<String, String> fields = new HashMap<>(r.set);
        for (int k = 0; k < r.names.size(); k++) {
            String name = r.names.get(k);
            String v =
                    matchers.lastJava != null
                            ? matchers.lastJava.group(name)
                            : matchers.last.group(r.bytes.names().indexOf(name) + 1);
            if (v != null) {
                fields.put(name, v);
            }
        }
        return new Reading(r.number, r.group, fields);
    }

    /** One reader's matchers, one per rule, made when needed, and the last match. */
    private final class Matchers {
        final Matcher[] java = new Matcher[rules.size()];
        final ByteRegex.Matcher[] bytes = new ByteRegex.Matcher[rules.size()];
        final Groups last = new Groups(maxBounds);
        Matcher lastJava;
    }

    /**
     * The index of the first rule that matches {@code msg}, its groups left in {@code m.last}, or
     * -1; by {@code java.util.regex} only.
     */
    private int match(String msg, Matchers m) {
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule r = rules.get(i);
            if (r.required.rejects(msg)) {
                continue; // the text every match needs is not there
            }
            if (java(r, i, msg, m)) {
                return i;
            }
        }
        return -1;
    }

    private boolean java(CompiledRule r, int i, String msg, Matchers m) {
        Matcher jm = m.java[i];
        if (jm == null) {
            jm = r.pattern.matcher(msg);
            m.java[i] = jm;
        } else {
            jm.reset(msg);
        }
        if (jm.lookingAt()) {
            m.last.from(msg, jm);
            m.lastJava = jm;
            return true;
        }
        return false;
    }

    /**
     * As {@link #match(String, Matchers)} for a {@link ByteRegex#plain} message {@code b[from,
     * to)}: by {@link ByteRegex}, a rule it does not take by Java on the decoded message.
     */
    private int match(byte[] b, int from, int to, Matchers m) {
        String decoded = null;
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule r = rules.get(i);
            if (r.bytes != null) {
                // no prefilter: the engine turns a line down at its first differing byte
                if (!r.bytes.canStart(b, from, to)) {
                    continue;
                }
                ByteRegex.Matcher bm = m.bytes[i];
                if (bm == null) {
                    bm = r.bytes.matcher();
                    m.bytes[i] = bm;
                }
                if (bm.lookingAt(b, from, to)) {
                    m.last.from(b, bm);
                    m.lastJava = null;
                    return i;
                }
                continue;
            }
            if (r.required.rejects(b, from, to)) {
                continue;
            }
            if (decoded == null) {
                decoded = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            }
            if (java(r, i, decoded, m)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The bytes every message this service claims by message starts with (its anchored claim's
     * literal prefix), or null when it has none: lets a reader skip decoding lines that cannot be
     * claimed.
     */
    byte[] messagePrefix() {
        return messagePrefix;
    }

    /** The id of group {@code i}. */
    public String groupId(int i) {
        return def.groups().get(i).id();
    }

    /** A fresh set of counts for one reader. */
    public Accumulator accumulator(boolean trackLines) {
        return new Accumulator(trackLines);
    }

    /** The counts of one reader; merge readers' accumulators in file order. */
    public final class Accumulator {
        private final Tally[] groups;
        private final List<ServiceSummary.Unmatched> unmatched = new ArrayList<>();
        private final boolean trackLines;
        private final Matchers matchers = new Matchers();
        private boolean javaOnly;
        private long lines;
        private long unmatchedMore;

        private Accumulator(boolean trackLines) {
            this.trackLines = trackLines;
            groups = new Tally[def.groups().size()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = new Tally(null, trackLines);
            }
        }

        /** Counts one claimed message. */
        public void accept(String msg, String fullLine, int source, long line) {
            accept(msg, () -> fullLine, source, line);
        }

        /** Every rule by {@code java.util.regex} (the reference the byte engine is tested on). */
        Accumulator javaOnly() {
            javaOnly = true;
            return this;
        }

        /** As {@link #accept(String, String, int, long)}; the line is made only if unmatched. */
        void accept(String msg, Supplier<String> fullLine, int source, long line) {
            byte[] b = javaOnly ? null : ByteRegex.plainBytes(msg);
            if (b != null) {
                accept(b, 0, b.length, true, fullLine, source, line);
                return;
            }
            lines++;
            count(match(msg, matchers), fullLine, source, line);
        }

        /**
         * As {@link #accept(String, Supplier, int, long)} for the UTF-8 message {@code b[from, to)}
         * (valid only during the call): read in place when it is plain ASCII.
         */
        void accept(
                byte[] b,
                int from,
                int to,
                boolean plain,
                Supplier<String> fullLine,
                int source,
                long line) {
            if (javaOnly || !(plain || ByteRegex.plain(b, from, to))) {
                lines++;
                String msg = new String(b, from, to - from, StandardCharsets.UTF_8);
                count(match(msg, matchers), fullLine, source, line);
                return;
            }
            lines++;
            count(match(b, from, to, matchers), fullLine, source, line);
        }

        private void count(int ri, Supplier<String> fullLine, int source, long line) {
            if (ri < 0) {
                if (!"ignore".equals(def.unmatched())) {
                    if (unmatched.size() < ServiceSummary.MAX_UNMATCHED) {
                        unmatched.add(new ServiceSummary.Unmatched(fullLine.get(), source, line));
                    } else {
                        unmatchedMore++;
                    }
                } else {
                    lines--; // not this service's line after all
                }
                return;
            }
            CompiledRule r = rules.get(ri);
            if (r.group < 0) {
                return;
            }
            Groups m = matchers.last;
            long value = 0;
            FieldRef sum = r.sumRef;
            if (sum != null) {
                if (sum.number() > 0 && m.start(sum.number()) >= 0) {
                    value = m.number(sum.number());
                } else {
                    String v = sum.get(m, matchers.lastJava);
                    if (v != null) {
                        try {
                            value = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            value = 0;
                        }
                    }
                }
            }
            // Walk down the keys: one field is looked up in the message, a template is built
            List<KeyTemplate> keys = groupKeys.get(r.group);
            Tally t = groups[r.group];
            t.hit(value, source, line);
            for (int k = 0; k < keys.size(); k++) {
                t = keys.get(k).item(t, r.keyRefs[k], m, matchers.lastJava);
                t.hit(value, source, line);
            }
        }

        /** Adds another reader's counts (a later part of the same input). */
        public void merge(Accumulator other) {
            lines += other.lines;
            for (int i = 0; i < groups.length; i++) {
                groups[i].merge(other.groups[i]);
            }
            unmatchedMore += other.unmatchedMore;
            for (ServiceSummary.Unmatched u : other.unmatched) {
                if (unmatched.size() < ServiceSummary.MAX_UNMATCHED) {
                    unmatched.add(u);
                } else {
                    unmatchedMore++;
                }
            }
        }

        public long lines() {
            return lines;
        }

        /** Moves the unmatched lines' numbers by {@code delta} (a later range of the same file). */
        void shiftLines(long delta) {
            unmatched.replaceAll(
                    u -> new ServiceSummary.Unmatched(u.text(), u.source(), u.line() + delta));
        }

        /** The result. */
        public ServiceSummary summary() {
            List<Section> sections = new ArrayList<>();
            for (int i = 0; i < groups.length; i++) {
                Group g = def.groups().get(i);
                sections.add(
                        new Section(
                                g.id(),
                                g.title(),
                                g.keys(),
                                groups[i],
                                g.sum() != null,
                                "bars".equals(g.chart())));
            }
            List<Fact> facts = new ArrayList<>();
            return new ServiceSummary(
                    def.name(),
                    def.title() == null ? def.name() : def.title(),
                    lines,
                    facts,
                    sections,
                    List.of(),
                    List.copyOf(unmatched),
                    unmatchedMore);
        }

        boolean tracksLines() {
            return trackLines;
        }
    }

    private record CompiledRule(
            int number,
            Pattern pattern,
            int group,
            Map<String, String> set,
            List<String> names,
            Literals.Required required,
            FieldRef[][] keyRefs,
            FieldRef sumRef,
            ByteRegex bytes) {}
}
