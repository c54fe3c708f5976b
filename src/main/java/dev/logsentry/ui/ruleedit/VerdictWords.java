package dev.logsentry.ui.ruleedit;

import dev.logsentry.core.check.Verdict;

/** How the pattern editor names a verdict to the user. */
final class VerdictWords {
    private VerdictWords() {}

    static String word(Verdict v) {
        return switch (v) {
            case ATTACK -> "attack";
            case VIOLATION -> "security event";
            case UNUSUAL -> "reported";
            case IGNORED -> "ignored";
        };
    }
}
