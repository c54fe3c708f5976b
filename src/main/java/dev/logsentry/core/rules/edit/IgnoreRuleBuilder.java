package dev.logsentry.core.rules.edit;

import dev.logsentry.core.rules.edit.RulePart.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an {@link IgnoreRuleDraft} from a log line: the syslog header becomes the two-format
 * prefix of logcheck's shipped rules ({@code ^(\w{3} [ :[:digit:]]{11}|[0-9T:.+-]{32}) host
 * program\[pid\]: }), the message is cut into fixed text and variable parts (IPv4 and IPv6
 * addresses, ports, paths, domain names, hexadecimal ids, user names, numbers), literal text is
 * escaped. The host and the PID start generalised (the shipped rules never name a host or a PID);
 * every other variable part starts literal and is generalised one click at a time.
 */
public final class IgnoreRuleBuilder {

    private static final Pattern CLASSIC =
            Pattern.compile("[A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} ");
    private static final Pattern ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9T:.+Z-]+ ");
    private static final Pattern TAG = Pattern.compile("([^\\s:\\[]+)(\\[([0-9]+)\\])?: ");

    /** Variable parts of a message, tried in this order at each position. */
    private static final Pattern VARIABLE =
            Pattern.compile(
                    "(?<ipv6>(?<![\\w:.])(?=[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:)"
                            + "(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}(?![\\w:]))"
                            + "|(?<ipv4>(?<![\\w.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![\\w.]))"
                            + "|(?<path>(?<![\\w/.])/[\\w.+@%=,~/-]+)"
                            + "|(?<hex>(?<![\\w.])(?:0x[0-9A-Fa-f]+|(?=[0-9A-Fa-f]*[0-9])"
                            + "(?=[0-9A-Fa-f]*[A-Fa-f])[0-9A-Fa-f]{6,})(?![\\w.]))"
                            + "|(?<domain>(?<![\\w.-])[A-Za-z0-9][A-Za-z0-9-]*"
                            + "(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z][A-Za-z0-9-]*(?![\\w.-]))"
                            + "|(?<number>(?<![\\w.])[0-9]+(?![\\w]))");

    /** Words after which the next word is a user name. */
    private static final Pattern USER =
            Pattern.compile(
                    "(?:\\buser |\\bfor |\\bby |\\buser=|\\bruser=|\\blogname=|\\(to )"
                            + "(?!invalid |user |from |illegal )([A-Za-z_][\\w.-]*)");

    private IgnoreRuleBuilder() {}

    /**
     * The draft for {@code line} (one char per byte), given as logcheck matches it: without
     * trailing white space, as {@code Classification.line()} holds it.
     */
    public static IgnoreRuleDraft fromLine(String line) {
        List<RulePart> parts = new ArrayList<>();
        int at = 0;
        String program = null;
        Matcher time = CLASSIC.matcher(line);
        Matcher iso = ISO.matcher(line);
        boolean header = false;
        if (time.lookingAt() || (iso.lookingAt() && iso.end() - 1 == 32)) {
            int end = time.lookingAt() ? time.end() : iso.end();
            int hostEnd = line.indexOf(' ', end);
            if (hostEnd > end && hostEnd < line.length()) {
                header = true;
                parts.add(new RulePart(Kind.TIMESTAMP, line.substring(0, end - 1), true));
                parts.add(new RulePart(Kind.TEXT, " ", false));
                parts.add(new RulePart(Kind.HOST, line.substring(end, hostEnd), true));
                parts.add(new RulePart(Kind.TEXT, " ", false));
                at = hostEnd + 1;
                Matcher tag = TAG.matcher(line).region(at, line.length());
                if (tag.lookingAt()) {
                    program = tag.group(1);
                    parts.add(new RulePart(Kind.TEXT, program, false));
                    if (tag.group(3) != null) {
                        parts.add(new RulePart(Kind.TEXT, "[", false));
                        parts.add(new RulePart(Kind.PID, tag.group(3), true));
                        parts.add(new RulePart(Kind.TEXT, "]", false));
                    }
                    parts.add(new RulePart(Kind.TEXT, ": ", false));
                    at = tag.end();
                }
            }
        }
        if (!header) {
            at = 0;
        }
        message(line, at, parts);
        return new IgnoreRuleDraft(line, program, merge(parts));
    }

    private static void message(String line, int from, List<RulePart> parts) {
        List<int[]> users = new ArrayList<>();
        Matcher u = USER.matcher(line).region(from, line.length());
        while (u.find()) {
            users.add(new int[] {u.start(1), u.end(1)});
        }
        Matcher m = VARIABLE.matcher(line).region(from, line.length());
        m.useTransparentBounds(true);
        int at = from;
        int userIndex = 0;
        while (at < line.length()) {
            while (userIndex < users.size() && users.get(userIndex)[0] < at) {
                userIndex++;
            }
            int nextUser = userIndex < users.size() ? users.get(userIndex)[0] : Integer.MAX_VALUE;
            boolean found = m.find(at) && m.start() < line.length();
            int nextVar = found ? m.start() : Integer.MAX_VALUE;
            if (nextUser == Integer.MAX_VALUE && nextVar == Integer.MAX_VALUE) {
                parts.add(new RulePart(Kind.TEXT, line.substring(at), false));
                break;
            }
            int start = Math.min(nextUser, nextVar);
            if (start > at) {
                parts.add(new RulePart(Kind.TEXT, line.substring(at, start), false));
            }
            if (nextUser <= nextVar) {
                int end = users.get(userIndex)[1];
                parts.add(new RulePart(Kind.USER, line.substring(start, end), false));
                at = end;
            } else {
                Kind kind = kindOf(m, line);
                parts.add(new RulePart(kind, m.group(), false));
                at = m.end();
            }
        }
    }

    private static Kind kindOf(Matcher m, String line) {
        if (m.group("ipv6") != null) {
            return Kind.IPV6;
        }
        if (m.group("ipv4") != null) {
            return Kind.IPV4;
        }
        if (m.group("path") != null) {
            return Kind.PATH;
        }
        if (m.group("hex") != null) {
            return Kind.HEX;
        }
        if (m.group("domain") != null) {
            return Kind.DOMAIN;
        }
        String before = line.substring(Math.max(0, m.start() - 5), m.start());
        return before.endsWith("port ") || before.endsWith("]:") || before.matches(".*[0-9]:$")
                ? Kind.PORT
                : Kind.NUMBER;
    }

    /** Adjacent fixed text in one part: the rule reads better and the parts list is shorter. */
    private static List<RulePart> merge(List<RulePart> parts) {
        List<RulePart> out = new ArrayList<>();
        for (RulePart p : parts) {
            int last = out.size() - 1;
            if (p.kind() == Kind.TEXT && last >= 0 && out.get(last).kind() == Kind.TEXT) {
                out.set(last, new RulePart(Kind.TEXT, out.get(last).text() + p.text(), false));
            } else if (!(p.kind() == Kind.TEXT && p.text().isEmpty())) {
                out.add(p);
            }
        }
        return out;
    }
}
