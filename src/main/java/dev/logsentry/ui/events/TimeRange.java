package dev.logsentry.ui.events;

import java.time.Instant;

/** A time range [from, to) selected on the timeline; it filters the table. */
public record TimeRange(Instant from, Instant to) {}
