package dev.logsentry.core.summary;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts for the HTML digest: no script, no external file, text in {@code
 * currentColor} so they read on light and dark backgrounds, and a {@code <title>} on every bar for
 * screen readers and hovering.
 */
final class SvgCharts {
    private static final String BAR = "#3b82f6";
    private static final int WIDTH = 560;
    private static final int ROW = 18;
    private static final int LABEL = 220;

    private SvgCharts() {}

    /** Horizontal bars for the items (most first), at most {@code max}. */
    static String bars(List<Tally> items, int max, String title) {
        int n = Math.min(max, items.size());
        if (n == 0) {
            return "";
        }
        long top = Math.max(1, items.get(0).count());
        int h = n * ROW + 4;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(h)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(h)
                .append("\" style=\"font:12px sans-serif;fill:currentColor\"><title>")
                .append(HtmlDigest.esc(title))
                .append("</title>");
        int avail = WIDTH - LABEL - 60;
        for (int i = 0; i < n; i++) {
            Tally t = items.get(i);
            int y = i * ROW + 2;
            int w = (int) Math.max(1, Math.round((double) t.count() / top * avail));
            String label = t.key().length() > 32 ? t.key().substring(0, 31) + "\u2026" : t.key();
            b.append("<text x=\"")
                    .append(LABEL - 6)
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\" text-anchor=\"end\">")
                    .append(HtmlDigest.esc(label))
                    .append("</text>");
            b.append("<rect x=\"")
                    .append(LABEL)
                    .append("\" y=\"")
                    .append(y + 2)
                    .append("\" width=\"")
                    .append(w)
                    .append("\" height=\"")
                    .append(ROW - 5)
                    .append("\" rx=\"2\" fill=\"")
                    .append(BAR)
                    .append("\"><title>")
                    .append(HtmlDigest.esc(t.key()))
                    .append(": ")
                    .append(t.count())
                    .append("</title></rect>");
            b.append("<text x=\"")
                    .append(LABEL + w + 6)
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\">")
                    .append(t.count())
                    .append("</text>");
        }
        return b.append("</svg>").toString();
    }

    /** A line chart of a series over time. */
    static String line(Series s) {
        List<Series.Point> p = s.points();
        if (p.size() < 2) {
            return "";
        }
        int h = 160;
        int left = 50;
        int bottom = 20;
        long t0 = p.get(0).epochSecond();
        long t1 = Math.max(t0 + 1, p.get(p.size() - 1).epochSecond());
        double max = 0;
        for (Series.Point q : p) {
            max = Math.max(max, q.value());
        }
        max = max <= 0 ? 1 : max;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < p.size(); i++) {
            double x =
                    left + (double) (p.get(i).epochSecond() - t0) / (t1 - t0) * (WIDTH - left - 10);
            double y = (h - bottom) - p.get(i).value() / max * (h - bottom - 10);
            path.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\""
                + WIDTH
                + "\" height=\""
                + h
                + "\" viewBox=\"0 0 "
                + WIDTH
                + " "
                + h
                + "\" style=\"font:12px sans-serif;fill:currentColor\"><title>"
                + HtmlDigest.esc(s.title())
                + "</title>"
                + "<line x1=\""
                + left
                + "\" y1=\""
                + (h - bottom)
                + "\" x2=\""
                + WIDTH
                + "\" y2=\""
                + (h - bottom)
                + "\" stroke=\"currentColor\" stroke-opacity=\"0.4\"/>"
                + "<text x=\""
                + (left - 6)
                + "\" y=\"14\" text-anchor=\"end\">"
                + String.format(Locale.ROOT, "%.1f", max)
                + "</text>"
                + "<text x=\""
                + (left - 6)
                + "\" y=\""
                + (h - bottom)
                + "\" text-anchor=\"end\">0</text>"
                + "<text x=\""
                + left
                + "\" y=\""
                + (h - 4)
                + "\">"
                + HtmlDigest.esc(s.unit())
                + " over "
                + (t1 - t0)
                + " s</text>"
                + "<path d=\""
                + path.toString().strip()
                + "\" fill=\"none\" stroke=\""
                + BAR
                + "\" stroke-width=\"2\"/></svg>";
    }
}
