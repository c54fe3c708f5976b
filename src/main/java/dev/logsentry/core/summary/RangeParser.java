package dev.logsentry.core.summary;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads logwatch's {@code --range}: {@code yesterday}, {@code today}, {@code all}, {@code DATE},
 * {@code between DATE and DATE}, {@code since DATE}, each optionally followed by {@code for
 * (that|this) PERIOD} or {@code for those PERIODs}. DATE takes the Date::Manip forms logwatch's
 * help lists: {@code now}, {@code today}, {@code yesterday}, {@code -3 days}, {@code 4 hours ago},
 * {@code 2026/11/25 [10:24[:17]]}, {@code 2026-11-25}, {@code 11/25/2026} (month first, as
 * Date::Manip reads it in English), {@code Nov 25, 2026}, {@code 25 Nov 2026}, and {@code first
 * Monday in May}. The period (default day) is the resolution: the range runs from the start of the
 * first date's period to the end of the last date's period, as logwatch's per-period date filter
 * does.
 */
public final class RangeParser {
    private static final Pattern PERIOD =
            Pattern.compile(
                    "\\s+for\\s+(?:those|that|this)\\s+(year|month|day|hour|minute|second)s?\\s*$");
    private static final Pattern BETWEEN = Pattern.compile("^between\\s+(.+?)\\s+and\\s+(.+)$");
    private static final Pattern SINCE = Pattern.compile("^since\\s+(.+)$");
    private static final Pattern RELATIVE =
            Pattern.compile(
                    "^(?:in\\s+)?([-+]?)\\s*(\\d+)\\s*(year|month|week|day|hour|minute|min|second|sec)s?(\\s+ago)?$");
    private static final Pattern YMD =
            Pattern.compile(
                    "^(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$");
    private static final Pattern MDY =
            Pattern.compile(
                    "^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$");
    private static final Pattern MON_D_Y =
            Pattern.compile("^([a-z]{3})[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$");
    private static final Pattern D_MON_Y =
            Pattern.compile("^(\\d{1,2})\\s+([a-z]{3})[a-z]*\\.?,?\\s+(\\d{4})$");
    private static final Pattern NTH_WEEKDAY =
            Pattern.compile(
                    "^(first|second|third|fourth|last)\\s+([a-z]{3})[a-z]*\\s+in\\s+([a-z]{3})[a-z]*(?:\\s+(\\d{4}))?$");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final String DAYS = "monituewedthufrisatsun";

    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param clock "now"
     * @param zone the local time zone that dates and periods are read in
     */
    public RangeParser(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException with a message naming the part that is not understood
     */
    public DateRange parse(String range) {
        String r = range == null ? "yesterday" : range.strip().toLowerCase(Locale.ROOT);
        r = r.replaceAll("\\s+", " ");
        if (r.isEmpty()) {
            r = "yesterday";
        }
        if (r.equals("all")) {
            return DateRange.everything();
        }
        String period = "day";
        Matcher pm = PERIOD.matcher(r);
        if (pm.find()) {
            period = pm.group(1);
            r = r.substring(0, pm.start()).strip();
        }
        ChronoUnit unit = unit(period);
        ZonedDateTime from;
        ZonedDateTime to;
        Matcher m;
        if ((m = BETWEEN.matcher(r)).matches()) {
            from = date(m.group(1), range);
            to = date(m.group(2), range);
        } else if ((m = SINCE.matcher(r)).matches()) {
            from = date(m.group(1), range);
            to = now();
        } else {
            from = date(r, range);
            to = from;
        }
        if (from.isAfter(to)) { // logwatch swaps them
            ZonedDateTime x = from;
            from = to;
            to = x;
        }
        ZonedDateTime start = truncate(from, unit);
        ZonedDateTime end = truncate(to, unit).plus(1, unit);
        return new DateRange(
                range == null ? "yesterday" : range.strip(),
                false,
                start.toInstant(),
                end.toInstant(),
                period);
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    /** One Date::Manip date. */
    ZonedDateTime date(String s, String whole) {
        String d = s.strip();
        ZonedDateTime now = now();
        switch (d) {
            case "now":
                return now;
            case "today":
                return now;
            case "yesterday":
                return now.minusDays(1);
            case "tomorrow":
                return now.plusDays(1);
            default:
                break;
        }
        Matcher m;
        if ((m = RELATIVE.matcher(d)).matches()) {
            long n = Long.parseLong(m.group(2));
            boolean back = "-".equals(m.group(1)) || m.group(4) != null;
            ChronoUnit u =
                    switch (m.group(3)) {
                        case "year" -> ChronoUnit.YEARS;
                        case "month" -> ChronoUnit.MONTHS;
                        case "week" -> ChronoUnit.WEEKS;
                        case "day" -> ChronoUnit.DAYS;
                        case "hour" -> ChronoUnit.HOURS;
                        case "minute", "min" -> ChronoUnit.MINUTES;
                        default -> ChronoUnit.SECONDS;
                    };
            return back ? now.minus(n, u) : now.plus(n, u);
        }
        if ((m = YMD.matcher(d)).matches()) {
            return at(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), s, whole);
        }
        if ((m = MDY.matcher(d)).matches()) {
            int y = num(m, 3);
            if (m.group(3).length() == 2) {
                y += y < 70 ? 2000 : 1900;
            }
            return at(y, num(m, 1), num(m, 2), num(m, 4), num(m, 5), num(m, 6), s, whole);
        }
        if ((m = MON_D_Y.matcher(d)).matches()) {
            return at(num(m, 3), month(m.group(1), s, whole), num(m, 2), 0, 0, 0, s, whole);
        }
        if ((m = D_MON_Y.matcher(d)).matches()) {
            return at(num(m, 3), month(m.group(2), s, whole), num(m, 1), 0, 0, 0, s, whole);
        }
        if ((m = NTH_WEEKDAY.matcher(d)).matches()) {
            int dayIdx = DAYS.indexOf(m.group(2));
            if (dayIdx < 0 || dayIdx % 3 != 0) {
                throw bad(s, whole);
            }
            DayOfWeek dow = DayOfWeek.of(dayIdx / 3 + 1);
            int year = m.group(4) != null ? Integer.parseInt(m.group(4)) : now.getYear();
            LocalDate first = LocalDate.of(year, month(m.group(3), s, whole), 1);
            LocalDate day =
                    switch (m.group(1)) {
                        case "last" -> first.with(TemporalAdjusters.lastInMonth(dow));
                        default ->
                                first.with(
                                        TemporalAdjusters.dayOfWeekInMonth(
                                                ordinal(m.group(1)), dow));
                    };
            return day.atStartOfDay(zone);
        }
        throw bad(s, whole);
    }

    private static int ordinal(String s) {
        return switch (s) {
            case "first" -> 1;
            case "second" -> 2;
            case "third" -> 3;
            default -> 4;
        };
    }

    private ZonedDateTime at(int y, int mo, int d, int h, int mi, int sec, String s, String whole) {
        try {
            return LocalDateTime.of(LocalDate.of(y, mo, d), LocalTime.of(h, mi, sec)).atZone(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(
                    "--range '"
                            + whole
                            + "': '"
                            + s
                            + "' is not a valid date ("
                            + e.getMessage()
                            + ")");
        }
    }

    private static int num(Matcher m, int g) {
        return m.group(g) == null ? 0 : Integer.parseInt(m.group(g));
    }

    private static int month(String name, String s, String whole) {
        int i = MONTHS.indexOf(name.substring(0, 3));
        if (i < 0 || i % 3 != 0) {
            throw bad(s, whole);
        }
        return i / 3 + 1;
    }

    private static IllegalArgumentException bad(String s, String whole) {
        return new IllegalArgumentException(
                "--range '"
                        + whole
                        + "': cannot read the date '"
                        + s.strip()
                        + "' (try today, yesterday, all, '-3 days', '2026/11/25',"
                        + " 'between 11/01/2026 and 11/03/2026', 'since 2 hours ago for those hours')");
    }

    private static ChronoUnit unit(String period) {
        return switch (period) {
            case "year" -> ChronoUnit.YEARS;
            case "month" -> ChronoUnit.MONTHS;
            case "hour" -> ChronoUnit.HOURS;
            case "minute" -> ChronoUnit.MINUTES;
            case "second" -> ChronoUnit.SECONDS;
            default -> ChronoUnit.DAYS;
        };
    }

    private static ZonedDateTime truncate(ZonedDateTime t, ChronoUnit unit) {
        return switch (unit) {
            case YEARS -> t.toLocalDate().withDayOfYear(1).atStartOfDay(t.getZone());
            case MONTHS -> t.toLocalDate().withDayOfMonth(1).atStartOfDay(t.getZone());
            case DAYS -> t.toLocalDate().atStartOfDay(t.getZone());
            default -> t.truncatedTo(unit);
        };
    }
}
