package dev.logsentry.core.rules.automata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The SHA-256 digest of everything a {@link RuleFileMatcher}'s automata are built from: per rule
 * the file it was read from, its line, its pattern as written and its case flag, the group it
 * reports, whether it runs after the syslog header and whether it is anchored, and the number of
 * groups; with the content format. Equal digests mean equal automata (for the same program).
 */
final class AutomataDigest {
    private AutomataDigest() {}

    /**
     * @param root the rule tree's folder: paths under it count relative to it (the bundled rules
     *     are unpacked into a new temporary folder every run)
     */
    static byte[] of(
            List<GroupMatcher.Entry> rests,
            List<GroupMatcher.Entry> wholes,
            int groups,
            java.nio.file.Path root) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        StringBuilder text = new StringBuilder(1 << 16);
        text.append("format ").append(AutomataStore.FORMAT).append('\n');
        text.append("groups ").append(groups).append('\n');
        append(text, "rest", rests, root);
        append(text, "whole", wholes, root);
        // strings are written after their lengths, so fields never run together
        return sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void append(
            StringBuilder text,
            String kind,
            List<GroupMatcher.Entry> entries,
            java.nio.file.Path root) {
        text.append(kind).append(' ').append(entries.size()).append('\n');
        for (GroupMatcher.Entry e : entries) {
            java.nio.file.Path path = e.rule().file();
            String file =
                    root != null && path != null && path.startsWith(root)
                            ? "./" + root.relativize(path)
                            : String.valueOf(path);
            String source = e.rule().source();
            text.append(file.length())
                    .append(':')
                    .append(file)
                    .append(e.rule().line())
                    .append('\0')
                    .append(e.rule().ere().ignoreCase() ? 'i' : 'c')
                    .append(e.group())
                    .append(e.anchored() ? 'a' : 'u')
                    .append(source.length())
                    .append(':')
                    .append(source)
                    .append('\n');
        }
    }
}
