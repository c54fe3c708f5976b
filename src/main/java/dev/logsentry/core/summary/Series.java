package dev.logsentry.core.summary;

import java.util.List;

/**
 * Values over time for a line chart (dnscache queries per second from its {@code stats} lines).
 *
 * @param title the chart's title
 * @param unit what the values count
 * @param points epoch seconds and values, in time order
 */
public record Series(String title, String unit, List<Point> points) {
    /** One value at one time. */
    public record Point(long epochSecond, double value) {}
}
