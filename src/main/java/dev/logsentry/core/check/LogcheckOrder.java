package dev.logsentry.core.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order and clean-up logcheck 1.4 applies before matching: {@code sort -k 1,3 -s} (or {@code
 * sort -u} with SORTUNIQ) over all new lines, then {@code sed -e 's/[[:space:]]\+$//'}.
 *
 * <p>Comparison is by unsigned bytes, which is GNU sort's order in the C locale and in glibc's
 * C.UTF-8 (code point order). The key of {@code -k 1,3} without {@code -b} runs from the start of
 * the line to the end of the third blank-separated field (or the end of the line); lines with equal
 * keys keep their input order.
 */
final class LogcheckOrder {

    private LogcheckOrder() {}

    /** Sorts and cleans {@code lines} as logcheck does. */
    static List<InputLine> sortAndClean(List<InputLine> lines, boolean sortUniq) {
        InputLine[] array = lines.toArray(new InputLine[0]);
        if (sortUniq) {
            Arrays.sort(array, Comparator.comparing(InputLine::latin1));
        } else {
            int[] all = new int[array.length];
            Arrays.setAll(all, i -> i);
            int[] order = sortedPositions(lines, all, all.length);
            for (int i = 0; i < array.length; i++) {
                array[i] = lines.get(order[i]);
            }
        }
        List<InputLine> result = new ArrayList<>(array.length);
        String previous = null;
        for (InputLine line : array) {
            if (sortUniq && line.latin1().equals(previous)) {
                continue;
            }
            previous = line.latin1();
            result.add(line.withLatin1(stripTrailingSpace(line.latin1())));
        }
        return result;
    }

    /**
     * The positions {@code 0..size-1} of {@code indexes} (which point into {@code lines}) in the
     * order {@code sort -k 1,3 -s} puts those lines; ties keep their order.
     */
    static int[] sortedPositions(List<InputLine> lines, int[] indexes, int size) {
        Keyed[] keyed = new Keyed[size];
        Arrays.parallelSetAll(
                keyed,
                k -> {
                    InputLine line = lines.get(indexes[k]);
                    String text = line.latin1();
                    int end = keyEnd(text);
                    return new Keyed(line, end, pack(text, 0, end), pack(text, 8, end), k);
                });
        // parallelSort of objects is a stable merge sort, as sort -s requires
        Arrays.parallelSort(keyed, LogcheckOrder::compareKeys);
        int[] order = new int[size];
        for (int k = 0; k < size; k++) {
            order[k] = keyed[k].position();
        }
        return order;
    }

    /** A line with its key's end and its first 16 key bytes packed for quick comparison. */
    private record Keyed(InputLine line, int keyEnd, long head, long next, int position) {}

    /** Bytes {@code [from, from + 8)} of the key, big-endian, zero past the key's end. */
    static long pack(String text, int from, int keyEnd) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (i < keyEnd ? (text.charAt(i) & 0xff) : 0);
        }
        return v;
    }

    private static int compareKeys(Keyed a, Keyed b) {
        if (a.head() != b.head()) {
            return Long.compareUnsigned(a.head(), b.head());
        }
        if (a.next() != b.next()) {
            return Long.compareUnsigned(a.next(), b.next());
        }
        return compareFully(a, b);
    }

    private static int compareFully(Keyed a, Keyed b) {
        String x = a.line().latin1();
        String y = b.line().latin1();
        int n = Math.min(a.keyEnd(), b.keyEnd());
        for (int i = 0; i < n; i++) {
            int d = x.charAt(i) - y.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return a.keyEnd() - b.keyEnd();
    }

    /**
     * Compares two lines by their {@code sort -k 1,3} keys ({@code xEnd}, {@code yEnd}: the keys'
     * ends, see {@link #keyEnd}), as unsigned bytes.
     */
    static int compareKeys(String x, int xEnd, String y, int yEnd) {
        int n = Math.min(xEnd, yEnd);
        for (int i = 0; i < n; i++) {
            int d = x.charAt(i) - y.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return xEnd - yEnd;
    }

    /** End (exclusive) of GNU sort's key {@code 1,3}: after the third run of non-blanks. */
    static int keyEnd(String line) {
        int p = 0;
        int n = line.length();
        for (int field = 0; field < 3 && p < n; field++) {
            while (p < n && isBlank(line.charAt(p))) {
                p++;
            }
            while (p < n && !isBlank(line.charAt(p))) {
                p++;
            }
        }
        return p;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** {@code s/[[:space:]]\+$//} in the C locale. */
    static String stripTrailingSpace(String line) {
        int end = line.length();
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
