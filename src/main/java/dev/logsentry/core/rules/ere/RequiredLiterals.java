package dev.logsentry.core.rules.ere;

import dev.logsentry.core.rules.ere.EreNode.Alternation;
import dev.logsentry.core.rules.ere.EreNode.ByteSet;
import dev.logsentry.core.rules.ere.EreNode.Group;
import dev.logsentry.core.rules.ere.EreNode.Literal;
import dev.logsentry.core.rules.ere.EreNode.Repeat;
import dev.logsentry.core.rules.ere.EreNode.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a set of literals such that every match of an expression contains at least one of them: the
 * prefilter key of a rule. Conservative by construction: a sequence contributes its best child or
 * run of literal bytes, an alternation the union of its branches only when every branch has
 * literals, an optional or starred part nothing.
 */
final class RequiredLiterals {

    /** An alternation with more branches than this is not worth prefiltering. */
    private static final int MAX_ALTERNATIVES = 16;

    private RequiredLiterals() {}

    /** The best set whose shortest member has at least {@code minLength} bytes, or empty. */
    static List<String> of(EreNode tree, int minLength) {
        Set<String> best = required(tree);
        if (best == null || shortest(best) < minLength) {
            return List.of();
        }
        return List.copyOf(best);
    }

    /** Literal alternatives every match of {@code node} contains, or null if none are known. */
    private static Set<String> required(EreNode node) {
        if (node instanceof Literal l) {
            return Set.of(String.valueOf(l.c()));
        }
        if (node instanceof ByteSet s && s.bytes().cardinality() == 1) {
            return Set.of(String.valueOf((char) s.bytes().nextSetBit(0)));
        }
        if (node instanceof Group g) {
            return required(g.body());
        }
        if (node instanceof Repeat r) {
            return r.min() >= 1 ? required(r.body()) : null;
        }
        if (node instanceof Alternation a) {
            Set<String> union = new LinkedHashSet<>();
            for (EreNode branch : a.branches()) {
                Set<String> lits = required(branch);
                if (lits == null) {
                    return null;
                }
                union.addAll(lits);
            }
            return union.size() <= MAX_ALTERNATIVES ? union : null;
        }
        if (node instanceof Sequence s) {
            return sequence(s.items());
        }
        return null;
    }

    /**
     * Further literals that every match contains, each on its own (runs of literal bytes in the
     * mandatory top-level sequence and in mandatory groups), longest first, at most {@code max},
     * each at least {@code minLength} bytes; the prefilter requires all of them.
     */
    static List<String> allOf(EreNode tree, int minLength, int max) {
        List<String> runs = new ArrayList<>();
        collectRuns(tree, runs);
        return runs.stream()
                .filter(r -> r.length() >= minLength)
                .distinct()
                .sorted((a, b) -> b.length() - a.length())
                .limit(max)
                .toList();
    }

    private static void collectRuns(EreNode node, List<String> runs) {
        if (node instanceof Group g) {
            collectRuns(g.body(), runs);
        } else if (node instanceof Repeat r && r.min() >= 1) {
            collectRuns(r.body(), runs);
        } else if (node instanceof Sequence s) {
            StringBuilder run = new StringBuilder();
            for (EreNode item : s.items()) {
                Character c = singleByte(item);
                if (c != null) {
                    run.append(c.charValue());
                    continue;
                }
                if (item instanceof EreNode.Anchor) {
                    continue;
                }
                if (run.length() > 0) {
                    runs.add(run.toString());
                    run.setLength(0);
                }
                collectRuns(item, runs);
            }
            if (run.length() > 0) {
                runs.add(run.toString());
            }
        } else {
            Character c = singleByte(node);
            if (c != null) {
                runs.add(String.valueOf(c.charValue()));
            }
        }
    }

    private static Set<String> sequence(List<EreNode> items) {
        List<Set<String>> candidates = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (EreNode item : items) {
            Character c = singleByte(item);
            if (c != null) {
                run.append(c.charValue());
                continue;
            }
            if (item instanceof EreNode.Anchor) {
                continue; // zero width: the bytes around it are still adjacent in any match
            }
            if (run.length() > 0) {
                candidates.add(Set.of(run.toString()));
                run.setLength(0);
            }
            Set<String> lits = required(item);
            if (lits != null) {
                candidates.add(lits);
            }
        }
        if (run.length() > 0) {
            candidates.add(Set.of(run.toString()));
        }
        Set<String> best = null;
        for (Set<String> candidate : candidates) {
            if (best == null || better(candidate, best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static Character singleByte(EreNode node) {
        if (node instanceof Literal l) {
            return l.c();
        }
        if (node instanceof ByteSet s && s.bytes().cardinality() == 1) {
            return (char) s.bytes().nextSetBit(0);
        }
        return null;
    }

    /** Longer shortest member wins (fewer false candidates); then fewer alternatives. */
    private static boolean better(Set<String> a, Set<String> b) {
        int sa = shortest(a);
        int sb = shortest(b);
        return sa != sb ? sa > sb : a.size() < b.size();
    }

    private static int shortest(Set<String> set) {
        return set.stream().mapToInt(String::length).min().orElse(0);
    }
}
