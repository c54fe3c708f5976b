package dev.logsentry.core.summary;

/**
 * A single number of a service's summary that is not a breakdown: "Cache hit rate: 41.2%",
 * "Queries: 212". Shown at every detail level.
 *
 * @param label what it is
 * @param value the number as shown
 * @param lines the lines behind it, or null
 */
public record Fact(String label, String value, LineRefs lines) {}
