package dev.logsentry.core.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A key: a field name, or a template with {@code {field}} references. */
record KeyTemplate(String field, List<String> parts, byte[][] ascii) {
    private static final Pattern FIELD_REF = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    static String value(String v) {
        return v == null || v.isEmpty() ? "(none)" : v;
    }

    static KeyTemplate of(String k) {
        if (!k.contains("{")) {
            return new KeyTemplate(k, null, null);
        }
        List<String> parts = new ArrayList<>();
        Matcher m = FIELD_REF.matcher(k);
        int last = 0;
        while (m.find()) {
            parts.add(k.substring(last, m.start()));
            parts.add("{" + m.group(1));
            last = m.end();
        }
        parts.add(k.substring(last));
        byte[][] ascii = new byte[parts.size()][];
        for (int p = 0; p < ascii.length; p++) {
            String s = parts.get(p);
            if (!s.startsWith("{")) {
                if (!s.chars().allMatch(c -> c < 128)) {
                    return new KeyTemplate(null, parts, null);
                }
                ascii[p] = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
        return new KeyTemplate(null, parts, ascii);
    }

    /** The fields the key refers to, in order. */
    List<String> fields() {
        if (field != null) {
            return List.of(field);
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p.startsWith("{")) {
                out.add(p.substring(1));
            }
        }
        return out;
    }

    /** The item of {@code parent} this match counts under. */
    Tally item(Tally parent, FieldRef[] refs, Groups m, Matcher java) {
        if (field != null && refs[0].number() > 0) {
            int start = m.start(refs[0].number());
            if (start >= 0 && m.end(refs[0].number()) > start) {
                return m.item(parent, refs[0].number());
            }
        }
        if (ascii != null && java == null) {
            Tally t = m.templateItem(parent, ascii, refs);
            if (t != null) {
                return t;
            }
        }
        return parent.item(apply(refs, m, java));
    }

    /** The key of one match; {@code refs} resolve {@link #fields()} in order. */
    String apply(FieldRef[] refs, Groups m, Matcher java) {
        if (field != null) {
            return value(refs[0].get(m, java));
        }
        StringBuilder b = new StringBuilder();
        int f = 0;
        for (String p : parts) {
            if (p.startsWith("{")) {
                b.append(value(refs[f++].get(m, java)));
            } else {
                b.append(p);
            }
        }
        return b.toString();
    }
}
