package dev.logsentry.core.summary;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Where a field of a rule's match comes from, resolved once: its capturing group's number (or, when
 * the groups could not be numbered, its name), else the rule's {@code set} value.
 */
record FieldRef(int number, String name, String constant) {
    static FieldRef of(
            String field, List<String> names, List<String> numbered, Map<String, String> set) {
        String constant = set.get(field);
        if (!names.contains(field)) {
            return new FieldRef(0, null, constant);
        }
        int number = numbered == null ? -1 : numbered.indexOf(field) + 1;
        return new FieldRef(number, field, constant);
    }

    /** The value (a named group that took part wins over {@code set}), or null. */
    String get(Groups m, Matcher java) {
        // by name only when the groups could not be numbered: then the rule has no simple
        // matcher and the match is Java's
        String v = number > 0 ? m.group(number) : number < 0 ? java.group(name) : null;
        return v != null ? v : constant;
    }
}
