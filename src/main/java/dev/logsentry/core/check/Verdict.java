package dev.logsentry.core.check;

/** What a check run concluded about a line, from most to least severe. */
public enum Verdict {
    /** Reported as a security alert (cracking.d; classic: "Active System Attack Alerts"). */
    ATTACK,
    /** Reported as a security event (violations.d; classic: "Security Violations"). */
    VIOLATION,
    /** Reported as a system event: no rule ignores it (classic: "Unusual System Events"). */
    UNUSUAL,
    /** Not reported: an ignore rule covers it. */
    IGNORED
}
