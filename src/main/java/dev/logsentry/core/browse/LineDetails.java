package dev.logsentry.core.browse;

import dev.logsentry.core.check.Classification;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.check.Verdict;
import dev.logsentry.core.index.LineSource;
import dev.logsentry.core.index.RawLineSource;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.source.SyslogLine;
import dev.logsentry.core.source.follow.FollowedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Everything the details pane shows about one line: where it comes from, its syslog fields, its
 * verdict and the rule that decided it, and every other rule that matches it, each with the span it
 * matches so the pane can highlight it. Built on demand for the selected line (one classification,
 * a few regex runs), on any thread.
 *
 * @param sourceName the source's display name
 * @param line 0-based line index in the source
 * @param offset byte offset of the line in its file
 * @param text the whole line decoded as UTF-8 (never cut); spans index into it
 * @param fields the parsed syslog header
 * @param verdict the verdict shown in the table (null for a follow marker line)
 * @param decidingRule the rule that decided the verdict, or null (UNUSUAL lines, markers)
 * @param otherMatches every other rule matching the line, in rule tree order (category order:
 *     cracking, cracking ignore, violations, violations ignore, ignore)
 */
public record LineDetails(
        String sourceName,
        long line,
        long offset,
        String text,
        SyslogLine fields,
        Verdict verdict,
        RuleHit decidingRule,
        List<RuleHit> otherMatches) {

    public LineDetails {
        otherMatches = List.copyOf(otherMatches);
    }

    /** 1-based line number, as shown to people. */
    public long lineNumber() {
        return line + 1;
    }

    /**
     * The details of {@code line}. The verdict and deciding rule are those stored in {@code
     * classified}; for a line not classified yet they are computed now.
     *
     * @param parser the source's syslog parser ({@link SourceClock#parser()})
     * @throws IOException when the line cannot be read
     */
    public static LineDetails of(ClassifiedSource classified, long line, SyslogLine.Parser parser)
            throws IOException {
        LineSource source = classified.source();
        byte[] bytes =
                source instanceof RawLineSource raw
                        ? raw.rawLine(line)
                        : source.line(line).getBytes(StandardCharsets.UTF_8);
        String text = new String(bytes, StandardCharsets.UTF_8);
        long offset = source.offset(line);
        SyslogLine fields = parser.parse(text);
        if (source instanceof FollowedSource f && f.isMarker(line)) {
            return new LineDetails(
                    source.name(), line, offset, text, fields, null, null, List.of());
        }
        InputLine input = InputLine.ofBytes(source.name(), offset, bytes);
        // classify() returns the line as matched (logcheck strips trailing white space first)
        Classification computed = classified.classifier().classify(input, classified.attackSeen());
        String matched = computed.line().latin1();
        Verdict verdict;
        Rule deciding;
        if (line < classified.classifiedCount()) {
            verdict = classified.verdict(line);
            deciding = classified.rule(line);
        } else {
            verdict = computed.verdict();
            deciding = computed.decidingRule();
        }
        SpanMapper spans = new SpanMapper(bytes);
        List<RuleHit> others = new ArrayList<>();
        for (Rule r : classified.classifier().allMatches(computed.line())) {
            if (r != deciding) {
                others.add(spans.hit(r, matched));
            }
        }
        RuleHit decidingHit = deciding == null ? null : spans.hit(deciding, matched);
        return new LineDetails(
                source.name(), line, offset, text, fields, verdict, decidingHit, others);
    }

    /** Maps byte positions of the matched (ISO-8859-1) line to chars of the UTF-8 text. */
    private static final class SpanMapper {
        private final byte[] bytes;
        private final boolean ascii;

        SpanMapper(byte[] bytes) {
            this.bytes = bytes;
            boolean a = true;
            for (byte b : bytes) {
                if (b < 0) {
                    a = false;
                    break;
                }
            }
            this.ascii = a;
        }

        RuleHit hit(Rule rule, String latin1) {
            try {
                Matcher m = rule.pattern().matcher(latin1);
                if (m.find()) {
                    return new RuleHit(rule, toChars(m.start()), toChars(m.end()));
                }
            } catch (StackOverflowError e) {
                // a monster line: the rule matched during classification, only the span is lost
            }
            return new RuleHit(rule, -1, -1);
        }

        private int toChars(int bytePos) {
            if (ascii) {
                return bytePos;
            }
            return new String(bytes, 0, Math.min(bytePos, bytes.length), StandardCharsets.UTF_8)
                    .length();
        }
    }
}
