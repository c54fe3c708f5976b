package dev.logsentry.core.check.preview;

import dev.logsentry.core.check.Classification;
import dev.logsentry.core.check.Classifier;
import dev.logsentry.core.check.InputLine;
import dev.logsentry.core.rules.Rule;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test pane ("logcheck-test done right"): a line's verdict under the whole tree, with every
 * rule of every category that matches it, for the line as given and for the same line in the other
 * timestamp format (classic syslog {@code Dec 4 10:15:02} and RFC 3339 {@code
 * 2026-12-04T10:15:02.000000+00:00}, rsyslog's two file formats), since a rule that covers only one
 * of them silently stops working when the syslog daemon's format changes.
 */
public final class LineTest {

    private static final Pattern CLASSIC =
            Pattern.compile("([A-Z][a-z]{2}) ([ 0-9][0-9]) ([0-9]{2}:[0-9]{2}:[0-9]{2}) ");
    private static final Pattern ISO =
            Pattern.compile(
                    "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}:[0-9]{2}:[0-9]{2})"
                            + "(\\.[0-9]+)?([+-][0-9]{2}:[0-9]{2}|Z) ");
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    /**
     * The line in one format.
     *
     * @param format "classic syslog", "RFC 3339" or "as given" (no recognised timestamp)
     * @param line the line as classified
     * @param classification its verdict and the deciding rule
     * @param matching every rule that matches it, in tree order
     */
    public record Form(
            String format, String line, Classification classification, List<Rule> matching) {}

    private final Classifier classifier;
    private final int year;

    /**
     * @param year the year given to classic lines converted to RFC 3339
     */
    public LineTest(Classifier classifier, int year) {
        this.classifier = classifier;
        this.year = year;
    }

    /** The line as given first, then in the other timestamp format when it has a timestamp. */
    public List<Form> test(String text) {
        List<Form> forms = new ArrayList<>();
        Matcher c = CLASSIC.matcher(text);
        Matcher i = ISO.matcher(text);
        if (c.lookingAt()) {
            forms.add(form("classic syslog", text));
            forms.add(form("RFC 3339", toIso(c, text, year)));
        } else if (i.lookingAt()) {
            forms.add(form("RFC 3339", text));
            forms.add(form("classic syslog", toClassic(i, text)));
        } else {
            forms.add(form("as given", text));
        }
        return forms;
    }

    /**
     * {@code text} with its timestamp in the other format (classic syslog to RFC 3339 with {@code
     * year} and UTC, or back), or null when it starts with neither.
     */
    public static String otherFormat(String text, int year) {
        Matcher c = CLASSIC.matcher(text);
        if (c.lookingAt()) {
            return toIso(c, text, year);
        }
        Matcher i = ISO.matcher(text);
        return i.lookingAt() ? toClassic(i, text) : null;
    }

    private Form form(String format, String text) {
        InputLine line = InputLine.ofText("test", -1, text);
        Classification c = classifier.classify(line);
        return new Form(format, c.line().displayText(), c, classifier.allMatches(c.line()));
    }

    private static String toIso(Matcher m, String text, int year) {
        int month = 1;
        for (int k = 0; k < MONTHS.length; k++) {
            if (MONTHS[k].equals(m.group(1))) {
                month = k + 1;
            }
        }
        int day = Integer.parseInt(m.group(2).trim());
        LocalDate date;
        try {
            date = LocalDate.of(year, Month.of(month), day);
        } catch (java.time.DateTimeException e) {
            date = LocalDate.of(year, 1, 1);
        }
        return String.format(Locale.ROOT, "%sT%s.000000%s ", date, m.group(3), "+00:00")
                + text.substring(m.end());
    }

    private static String toClassic(Matcher m, String text) {
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        String mon = month >= 1 && month <= 12 ? MONTHS[month - 1] : "Jan";
        return String.format(Locale.ROOT, "%s %2d %s ", mon, day, m.group(4))
                + text.substring(m.end());
    }
}
