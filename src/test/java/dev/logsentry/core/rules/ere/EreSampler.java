package dev.logsentry.core.rules.ere;

import dev.logsentry.core.rules.ere.EreNode.Alternation;
import dev.logsentry.core.rules.ere.EreNode.Anchor;
import dev.logsentry.core.rules.ere.EreNode.AnyByte;
import dev.logsentry.core.rules.ere.EreNode.BackReference;
import dev.logsentry.core.rules.ere.EreNode.ByteSet;
import dev.logsentry.core.rules.ere.EreNode.Group;
import dev.logsentry.core.rules.ere.EreNode.Literal;
import dev.logsentry.core.rules.ere.EreNode.Repeat;
import dev.logsentry.core.rules.ere.EreNode.Sequence;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Test helper: generates strings that (usually) match a POSIX ERE, by walking its syntax tree with
 * a seeded random source. Used to build realistic corpora from the rules themselves and to feed the
 * differential tests against grep and logcheck. Zero-width assertions are not enforced, so a sample
 * may not match: the real grep decides in the tests.
 */
public final class EreSampler {

    private final Random random;
    private final double exoticByteChance;

    /**
     * @param exoticByteChance probability of choosing a control or high byte when a set allows it
     */
    public EreSampler(Random random, double exoticByteChance) {
        this.random = random;
        this.exoticByteChance = exoticByteChance;
    }

    /** A sample for {@code ere} (bytes as chars 0-255; never a newline or NUL). */
    public String sample(String ere) {
        try {
            StringBuilder out = new StringBuilder();
            walk(EreParser.parse(ere, false), out, new HashMap<>());
            return out.toString();
        } catch (EreSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void walk(EreNode node, StringBuilder out, Map<Integer, String> groups) {
        if (node instanceof Literal l) {
            out.append(l.c() == '\n' ? ' ' : l.c());
        } else if (node instanceof AnyByte) {
            out.append(pick(full()));
        } else if (node instanceof ByteSet s) {
            out.append(pick(s.bytes()));
        } else if (node instanceof Anchor) {
            // zero width: nothing to emit
        } else if (node instanceof Group g) {
            int start = out.length();
            walk(g.body(), out, groups);
            groups.put(g.number(), out.substring(start));
        } else if (node instanceof BackReference b) {
            out.append(groups.getOrDefault(b.number(), ""));
        } else if (node instanceof Sequence s) {
            s.items().forEach(item -> walk(item, out, groups));
        } else if (node instanceof Alternation a) {
            walk(a.branches().get(random.nextInt(a.branches().size())), out, groups);
        } else if (node instanceof Repeat r) {
            int extra =
                    r.max() < 0
                            ? random.nextInt(4)
                            : random.nextInt(Math.min(r.max() - r.min(), 3) + 1);
            int n = r.min() + extra;
            for (int i = 0; i < n; i++) {
                walk(r.body(), out, groups);
            }
        }
    }

    private static BitSet full() {
        BitSet all = new BitSet(256);
        all.set(0, 256);
        return all;
    }

    private char pick(BitSet set) {
        BitSet usable = (BitSet) set.clone();
        usable.clear('\n');
        usable.clear(0);
        if (exoticByteChance == 0) {
            usable.clear(0x80, 256); // ASCII only: the same answers from grep in every locale
        }
        BitSet plain = (BitSet) usable.clone();
        plain.clear(0, 0x21);
        plain.clear(0x7f, 256);
        BitSet from = plain;
        if (plain.isEmpty() || random.nextDouble() < exoticByteChance) {
            from = usable;
        }
        if (from.isEmpty()) {
            return ' ';
        }
        // prefer letters and digits: they look like real log text
        BitSet alnum = ByteClasses.named("alnum");
        alnum.and(from);
        if (!alnum.isEmpty() && random.nextInt(4) != 0) {
            from = alnum;
        }
        int n = random.nextInt(from.cardinality());
        int c = from.nextSetBit(0);
        for (int i = 0; i < n; i++) {
            c = from.nextSetBit(c + 1);
        }
        return (char) c;
    }
}
