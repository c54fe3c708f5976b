package dev.logsentry.ui.events;

/** One line as the table shows it: its 1-based number and decoded text. */
public record LogRow(long number, String text) {}
