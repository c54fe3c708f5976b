package dev.logsentry.core.rules.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} format, 3 lines of context) between two versions of a rule file,
 * shown before a save. Lines are compared whole; the common head and tail are skipped before a
 * longest-common-subsequence table is built for the middle, which for an editing session is small.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    /** Beyond this many table cells the changed middle is shown as replaced as a whole. */
    private static final long MAX_CELLS = 16_000_000L;

    private UnifiedDiff() {}

    /** The diff of {@code before} to {@code after}; empty when they are equal. */
    public static String of(
            String oldName, String newName, List<String> before, List<String> after) {
        List<int[]> ops = operations(before, after);
        boolean changed = ops.stream().anyMatch(op -> op[0] != 0);
        if (!changed) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == 0) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are within 2 * CONTEXT lines of each other
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end)[0] != 0) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunk(ops.subList(start, end), before, after, out);
            i = end;
        }
        return out.toString();
    }

    /** op = {kind (0 same, -1 removed, +1 added), old index, new index}. */
    private static void hunk(List<int[]> ops, List<String> a, List<String> b, StringBuilder out) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (int[] op : ops) {
            if (op[0] <= 0) {
                oldCount++;
                if (oldStart < 0) {
                    oldStart = op[1];
                }
            }
            if (op[0] >= 0) {
                newCount++;
                if (newStart < 0) {
                    newStart = op[2];
                }
            }
        }
        if (oldStart < 0) {
            oldStart = ops.get(0)[1] - 1; // -u numbers an empty range by the line before it
        }
        if (newStart < 0) {
            newStart = ops.get(0)[2] - 1;
        }
        out.append("@@ -")
                .append(range(oldStart, oldCount))
                .append(" +")
                .append(range(newStart, newCount))
                .append(" @@\n");
        for (int[] op : ops) {
            String text = op[0] < 0 ? a.get(op[1]) : b.get(op[2]);
            out.append(op[0] < 0 ? '-' : op[0] > 0 ? '+' : ' ').append(text).append('\n');
        }
    }

    private static String range(int start0, int count) {
        return count == 1 ? String.valueOf(start0 + 1) : (start0 + 1) + "," + count;
    }

    private static List<int[]> operations(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head
                && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<int[]> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new int[] {0, k, k});
        }
        int n = a.size() - head - tail;
        int m = b.size() - head - tail;
        if ((long) n * m > MAX_CELLS) {
            for (int k = 0; k < n; k++) {
                ops.add(new int[] {-1, head + k, head});
            }
            for (int k = 0; k < m; k++) {
                ops.add(new int[] {1, head + n, head + k});
            }
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    lcs[x][y] =
                            a.get(head + x).equals(b.get(head + y))
                                    ? lcs[x + 1][y + 1] + 1
                                    : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n || y < m) {
                if (x < n && y < m && a.get(head + x).equals(b.get(head + y))) {
                    ops.add(new int[] {0, head + x++, head + y++});
                } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                    ops.add(new int[] {-1, head + x++, head + y});
                } else {
                    ops.add(new int[] {1, head + x, head + y++});
                }
            }
        }
        for (int k = 0; k < tail; k++) {
            ops.add(new int[] {0, a.size() - tail + k, b.size() - tail + k});
        }
        return ops;
    }
}
