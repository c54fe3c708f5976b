package dev.logsentry.core.rules.ere;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A POSIX ERE parsed for the automata and translated for the Java engine, with the literals a
 * prefilter may use.
 *
 * <p>The java.util.regex translation is made on first use ({@link #javaRegex()}, {@link
 * #pattern()}) when the ERE came from {@link EreTranslator#parse}: a check runs its rules as
 * automata built from {@link #tree()} and needs a Java pattern only for the few rules that must
 * name themselves or confirm a back-reference, while writing and compiling ~2,000 Java patterns was
 * a large part of a cold run. {@link EreTranslator#compile} makes both at once, so that an editor
 * hears about a pattern Java rejects at once.
 */
public final class CompiledEre {
    private final String source;
    private final EreNode tree;
    private final List<String> requiredLiterals;
    private final List<String> allOfLiterals;
    private final boolean ignoreCase;
    private final boolean anchored;
    private volatile String javaRegex;
    private volatile Pattern pattern;

    /**
     * @param source the pattern as written in the rule file
     * @param tree {@code source} parsed
     * @param requiredLiterals strings of which every match contains at least one; empty when the
     *     pattern has no such set of literals of at least {@link EreTranslator#MIN_LITERAL} bytes
     *     (then the pattern must be tried on every line)
     * @param allOfLiterals further literals every match contains, each of them (may overlap with
     *     {@code requiredLiterals}); lets a prefilter reject more lines
     * @param ignoreCase whether ASCII letters match either case (grep -i)
     * @param anchored whether every match starts at the beginning of the line (the pattern starts
     *     with {@code ^} in every alternative), so {@code lookingAt} answers as {@code find} does
     */
    CompiledEre(
            String source,
            EreNode tree,
            List<String> requiredLiterals,
            List<String> allOfLiterals,
            boolean ignoreCase,
            boolean anchored) {
        this.source = Objects.requireNonNull(source);
        this.tree = Objects.requireNonNull(tree);
        this.requiredLiterals = List.copyOf(requiredLiterals);
        this.allOfLiterals = List.copyOf(allOfLiterals);
        this.ignoreCase = ignoreCase;
        this.anchored = anchored;
    }

    /** The pattern as written in the rule file. */
    public String source() {
        return source;
    }

    /** The parsed pattern (immutable), what the automata are built from. */
    public EreNode tree() {
        return tree;
    }

    /** The equivalent java.util.regex syntax. */
    public String javaRegex() {
        String j = javaRegex;
        if (j == null) {
            j = EreTranslator.emit(tree);
            javaRegex = j;
        }
        return j;
    }

    /**
     * {@link #javaRegex()} compiled.
     *
     * @throws IllegalStateException if Java rejects the translation, which {@link
     *     EreTranslator#compile} reports as a syntax error and the translator never produces for a
     *     pattern grep accepts
     */
    public Pattern pattern() {
        Pattern p = pattern;
        if (p == null) {
            try {
                p = compileNow();
            } catch (EreSyntaxException e) {
                throw new IllegalStateException(source + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    /** Compiles the Java pattern now (if not yet), reporting a rejected translation. */
    Pattern compileNow() throws EreSyntaxException {
        Pattern p = pattern;
        if (p == null) {
            p = EreTranslator.javaPattern(javaRegex(), ignoreCase);
            pattern = p;
        }
        return p;
    }

    /** Strings of which every match contains at least one (empty: no such set). */
    public List<String> requiredLiterals() {
        return requiredLiterals;
    }

    /** Further literals every match contains, each of them. */
    public List<String> allOfLiterals() {
        return allOfLiterals;
    }

    /** Whether ASCII letters match either case (grep -i). */
    public boolean ignoreCase() {
        return ignoreCase;
    }

    /** Whether every match starts at the beginning of the line. */
    public boolean anchored() {
        return anchored;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledEre e && e.source.equals(source) && e.ignoreCase == ignoreCase;
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + Boolean.hashCode(ignoreCase);
    }

    @Override
    public String toString() {
        return "CompiledEre[" + source + (ignoreCase ? ", ignoreCase]" : "]");
    }
}
