package dev.logsentry.core.rules.automata;

import dev.logsentry.core.rules.ere.EreNode;
import java.util.Arrays;

/**
 * Walks a {@link PatternNfa} for {@link LazyDfa}: closures over splits, expansions through the
 * assertions that hold in a context, which context flags a state's assertions read. Holds the
 * scratch arrays of those walks (marks, stacks, {@link #expanded}); used under the DFA's lock only.
 */
final class NfaWalk {
    private static final EreNode.Anchor.Kind[] KINDS = EreNode.Anchor.Kind.values();

    private final PatternNfa nfa;

    /** Per NFA state, its closure over splits (sorted), once asked for. */
    private final int[][] closures;

    final int[] mark;
    int markStamp;
    private int[] stack = new int[256];

    /** Where {@link #reach} leaves the states it stopped at. */
    int[] expanded = new int[256];

    NfaWalk(PatternNfa nfa) {
        this.nfa = nfa;
        mark = new int[nfa.size()];
        closures = new int[nfa.size()][];
        closureMark = new int[nfa.size()];
    }

    /** Whether the NFA has word assertions (then a byte's word-ness can matter). */
    boolean hasWordAssertions() {
        for (int q = 0; q < nfa.size(); q++) {
            if (nfa.op(q) == PatternNfa.ASSERT) {
                EreNode.Anchor.Kind k = KINDS[nfa.arg(q)];
                if (k != EreNode.Anchor.Kind.LINE_START && k != EreNode.Anchor.Kind.LINE_END) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean hasAssertion(int[] members) {
        for (int q : members) {
            if (nfa.op(q) == PatternNfa.ASSERT) {
                return true;
            }
        }
        return false;
    }

    /** The closure of NFA state {@code q} over splits (not assertions), sorted; cached. */
    int[] closure(int q) {
        int[] c = closures[q];
        if (c == null) {
            // own scratch: the caller is iterating over expanded
            if (++closureStamp == 0) {
                Arrays.fill(closureMark, 0);
                closureStamp = 1;
            }
            int sp = 0;
            int n = 0;
            closureStack = LazyDfa.push(closureStack, sp++, q);
            while (sp > 0) {
                int x = closureStack[--sp];
                if (closureMark[x] == closureStamp) {
                    continue;
                }
                closureMark[x] = closureStamp;
                if (nfa.op(x) == PatternNfa.SPLIT) {
                    closureStack = LazyDfa.push(closureStack, sp++, nfa.out(x));
                    if (nfa.out2(x) >= 0) {
                        closureStack = LazyDfa.push(closureStack, sp++, nfa.out2(x));
                    }
                } else {
                    closureOut = LazyDfa.push(closureOut, n++, x);
                }
            }
            c = Arrays.copyOf(closureOut, n);
            Arrays.sort(c);
            closures[q] = c;
        }
        return c;
    }

    private final int[] closureMark;
    private int closureStamp;
    private int[] closureStack = new int[64];
    private int[] closureOut = new int[64];

    /**
     * Follows splits and the assertions that hold in the given context; leaves the reached BYTE and
     * MATCH states in {@link #expanded} and returns how many.
     */
    int expand(int[] states, boolean atStart, boolean atEnd, boolean prevWord, boolean nextWord) {
        return reach(states, states.length, ALL_HOLDING, atStart, atEnd, prevWord, nextWord);
    }

    /** The members reached from {@code from[0, count)} through splits, sorted. */
    int[] closeOver(int[] from, int count) {
        int n = reach(from, count, NO_ASSERTIONS, false, false, false, false);
        int[] members = Arrays.copyOf(expanded, n);
        Arrays.sort(members);
        return members;
    }

    static final int NO_ASSERTIONS = 0;
    static final int ALL_HOLDING = 1;
    static final int EVERY_ASSERTION = 2;

    /**
     * Depth first from {@code from[0, count)} through splits and, by {@code assertions}, through no
     * assertion (an assertion is kept like a byte state), the assertions that hold in the given
     * context, or all of them; leaves the states where it stops in {@link #expanded}, returns how
     * many.
     */
    int reach(
            int[] from,
            int count,
            int assertions,
            boolean atStart,
            boolean atEnd,
            boolean prevWord,
            boolean nextWord) {
        newMarks();
        int sp = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            stack = LazyDfa.push(stack, sp++, from[i]);
        }
        while (sp > 0) {
            int q = stack[--sp];
            if (mark[q] == markStamp) {
                continue;
            }
            mark[q] = markStamp;
            int op = nfa.op(q);
            if (op == PatternNfa.SPLIT) {
                stack = LazyDfa.push(stack, sp++, nfa.out(q));
                if (nfa.out2(q) >= 0) {
                    stack = LazyDfa.push(stack, sp++, nfa.out2(q));
                }
            } else if (op == PatternNfa.ASSERT && assertions != NO_ASSERTIONS) {
                if (assertions == EVERY_ASSERTION
                        || holds(nfa.arg(q), atStart, atEnd, prevWord, nextWord)) {
                    stack = LazyDfa.push(stack, sp++, nfa.out(q));
                }
            } else {
                expanded = LazyDfa.push(expanded, n++, q);
            }
        }
        return n;
    }

    void newMarks() {
        if (++markStamp == 0) {
            Arrays.fill(mark, 0);
            markStamp = 1;
        }
    }

    private static boolean holds(
            int kind, boolean atStart, boolean atEnd, boolean prevWord, boolean nextWord) {
        return switch (KINDS[kind]) {
            case LINE_START -> atStart;
            case LINE_END -> atEnd;
            case WORD_START -> !prevWord && nextWord;
            case WORD_END -> prevWord && !nextWord;
            case WORD_BOUNDARY -> prevWord != nextWord;
            case NOT_WORD_BOUNDARY -> prevWord == nextWord;
        };
    }

    int copyToExpanded(int[] from) {
        if (expanded.length < from.length) {
            expanded = Arrays.copyOf(expanded, Math.max(from.length, expanded.length * 2));
        }
        System.arraycopy(from, 0, expanded, 0, from.length);
        return from.length;
    }

    /**
     * {@code stateFlags} without the flags no assertion reachable from {@code stateMembers} reads
     * (assertions can follow one another through splits).
     */
    byte relevant(int[] stateMembers, byte stateFlags) {
        if (stateFlags == 0 || !hasAssertion(stateMembers)) {
            return 0;
        }
        byte needed = 0;
        newMarks();
        int sp = 0;
        for (int q : stateMembers) {
            if (nfa.op(q) == PatternNfa.ASSERT) {
                stack = LazyDfa.push(stack, sp++, q);
            }
        }
        while (sp > 0) {
            int q = stack[--sp];
            if (mark[q] == markStamp) {
                continue;
            }
            mark[q] = markStamp;
            if (nfa.op(q) == PatternNfa.ASSERT) {
                EreNode.Anchor.Kind kind = KINDS[nfa.arg(q)];
                if (kind == EreNode.Anchor.Kind.LINE_START) {
                    needed |= LazyDfa.FLAG_AT_START;
                } else if (kind != EreNode.Anchor.Kind.LINE_END) {
                    needed |= LazyDfa.FLAG_PREV_WORD;
                }
                stack = LazyDfa.push(stack, sp++, nfa.out(q));
            } else if (nfa.op(q) == PatternNfa.SPLIT) {
                stack = LazyDfa.push(stack, sp++, nfa.out(q));
                if (nfa.out2(q) >= 0) {
                    stack = LazyDfa.push(stack, sp++, nfa.out2(q));
                }
            }
        }
        return (byte) (stateFlags & needed);
    }
}
