package dev.logsentry.ui.events;

import dev.logsentry.core.check.Verdict;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The timeline above the table: lines per time bucket, stacked by verdict (ignored at the bottom,
 * attacks on top), with a mark above each bucket holding an attack (or else a violation) line.
 * Clicking a bar jumps to its first line; dragging selects a time range that filters the table; a
 * double click clears the range.
 */
public final class TimelineView extends Region {
    private static final double HEIGHT = 64;

    /** Height of the strip above the bars where attack and violation marks are drawn. */
    static final double MARKS = 8;

    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());
    private static final Verdict[] STACK = {
        Verdict.IGNORED, Verdict.UNUSUAL, Verdict.VIOLATION, Verdict.ATTACK
    };

    private final ObjectProperty<TimelineData> data = new SimpleObjectProperty<>(this, "data");
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range");
    private final ObjectProperty<Consumer<Instant>> onJump =
            new SimpleObjectProperty<>(this, "onJump", t -> {});
    private final javafx.beans.property.StringProperty emptyText =
            new javafx.beans.property.SimpleStringProperty(this, "emptyText", "No log open");
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private double dragStart = Double.NaN;
    private double dragEnd = Double.NaN;

    /**
     * A timeline control: set {@link #dataProperty}, bind {@link #rangeProperty} to the filter and
     * set {@link #onJumpProperty} to select a line.
     */
    public TimelineView() {
        setId("timeline");
        getStyleClass().add("timeline-view");
        setPrefHeight(HEIGHT);
        setMinHeight(HEIGHT);
        getChildren().add(canvas);
        Tooltip.install(this, tip);
        data.addListener((obs, old, now) -> draw());
        range.addListener((obs, old, now) -> draw());
        emptyText.addListener((obs, old, now) -> draw());
        setOnMousePressed(
                e -> {
                    dragStart = e.getX();
                    dragEnd = Double.NaN;
                });
        setOnMouseDragged(
                e -> {
                    dragEnd = e.getX();
                    draw();
                });
        setOnMouseReleased(
                e -> {
                    TimelineData data = this.data.get();
                    if (data == null || data.buckets() == 0) {
                        return;
                    }
                    if (e.getClickCount() == 2) {
                        range.set(null);
                    } else if (Double.isNaN(dragEnd) || Math.abs(dragEnd - dragStart) < 4) {
                        onJump.get().accept(data.bucketStart(bucketAt(data, e.getX())));
                    } else {
                        int a = bucketAt(data, Math.min(dragStart, dragEnd));
                        int b = bucketAt(data, Math.max(dragStart, dragEnd));
                        range.set(new TimeRange(data.bucketStart(a), data.bucketStart(b + 1)));
                    }
                    dragStart = Double.NaN;
                    dragEnd = Double.NaN;
                    draw();
                });
        setOnMouseMoved(
                e -> {
                    TimelineData data = this.data.get();
                    if (data == null || data.buckets() == 0) {
                        return;
                    }
                    int b = bucketAt(data, e.getX());
                    tip.setText(
                            String.format(
                                    "%s \u2013 %s%nAttack %,d \u00b7 Violation %,d \u00b7 Unusual %,d \u00b7 Ignored %,d",
                                    LABEL.format(data.bucketStart(b)),
                                    LABEL.format(data.bucketStart(b + 1)),
                                    data.count(b, Verdict.ATTACK),
                                    data.count(b, Verdict.VIOLATION),
                                    data.count(b, Verdict.UNUSUAL),
                                    data.count(b, Verdict.IGNORED)));
                });
    }

    private int bucketAt(TimelineData data, double x) {
        int b = (int) (x / Math.max(1, getWidth()) * data.buckets());
        return Math.max(0, Math.min(data.buckets() - 1, b));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        boolean dark =
                getScene() != null
                        && getScene().getRoot().getPseudoClassStates().stream()
                                .anyMatch(p -> p.getPseudoClassName().equals("dark"));
        TimelineData data = this.data.get();
        g.setFill(dark ? Color.web("#9aa5b1") : Color.web("#5f6b7a"));
        g.setFont(Font.font(11));
        if (data == null || data.buckets() == 0) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(
                    data == null ? emptyText.get() : "No timestamps in this source", w / 2, h / 2);
            return;
        }
        long max = 1;
        for (int b = 0; b < data.buckets(); b++) {
            max = Math.max(max, data.total(b));
        }
        double barW = w / data.buckets();
        double plotH = h - 14;
        double plotTop = MARKS + 2;
        // attack and violation marks above the bars: one attack among millions of lines stays
        // visible where a bar of its share would be a fraction of a pixel
        for (int b = 0; b < data.buckets(); b++) {
            Verdict mark =
                    data.count(b, Verdict.ATTACK) > 0
                            ? Verdict.ATTACK
                            : data.count(b, Verdict.VIOLATION) > 0 ? Verdict.VIOLATION : null;
            if (mark != null) {
                double cx = b * barW + Math.max(1, barW - 1) / 2;
                double half = Math.max(3, Math.min(5, barW / 2));
                g.setFill(color(mark, dark));
                g.fillPolygon(
                        new double[] {cx - half, cx + half, cx}, new double[] {0, 0, MARKS}, 3);
            }
        }
        for (int b = 0; b < data.buckets(); b++) {
            double y = plotH;
            for (Verdict v : STACK) {
                long n = data.count(b, v);
                if (n == 0) {
                    continue;
                }
                double bh = Math.max(1, (plotH - plotTop) * n / max);
                g.setFill(color(v, dark));
                g.fillRect(b * barW, y - bh, Math.max(1, barW - 1), bh);
                y -= bh;
            }
        }
        TimeRange range = this.range.get();
        if (range != null) {
            double x0 = xOf(data, range.from(), w);
            double x1 = xOf(data, range.to(), w);
            g.setFill(Color.web(dark ? "#58a6ff" : "#0969da", 0.22));
            g.fillRect(x0, 0, Math.max(2, x1 - x0), plotH);
        }
        if (!Double.isNaN(dragStart) && !Double.isNaN(dragEnd)) {
            g.setFill(Color.web(dark ? "#58a6ff" : "#0969da", 0.3));
            g.fillRect(Math.min(dragStart, dragEnd), 0, Math.abs(dragEnd - dragStart), plotH);
        }
        g.setFill(dark ? Color.web("#c9d1d9") : Color.web("#404a57"));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(LABEL.format(data.bucketStart(0)), 2, h);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(LABEL.format(data.bucketStart(data.buckets())), w - 2, h);
    }

    private static double xOf(TimelineData data, Instant t, double w) {
        double span =
                data.bucketStart(data.buckets()).toEpochMilli()
                        - data.bucketStart(0).toEpochMilli();
        double at = t.toEpochMilli() - data.bucketStart(0).toEpochMilli();
        return Math.max(0, Math.min(w, w * at / Math.max(1, span)));
    }

    /** What is drawn: counts per bucket and verdict, or null while there are none. */
    public ObjectProperty<TimelineData> dataProperty() {
        return data;
    }

    /** What the timeline says while it has no data (no log open, still classifying, ...). */
    public javafx.beans.property.StringProperty emptyTextProperty() {
        return emptyText;
    }

    /** The selected time range, or null: drag to set, double-click to clear. */
    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    /** Called with a bar's start time when the user clicks it. */
    public ObjectProperty<Consumer<Instant>> onJumpProperty() {
        return onJump;
    }

    private static Color color(Verdict v, boolean dark) {
        return switch (v) {
            case ATTACK -> Color.web(dark ? "#ff8a80" : "#c5221f");
            case VIOLATION -> Color.web(dark ? "#ffb26b" : "#e8710a");
            case UNUSUAL -> Color.web(dark ? "#f5d565" : "#f9ab00");
            case IGNORED -> Color.web(dark ? "#4b5563" : "#c4cbd4");
        };
    }
}
