package dev.logsentry.core.checkrun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the variable assignments of a shell file such as logcheck.conf the way bash would set them,
 * without running anything: {@code NAME=value} and {@code export NAME=value} lines, with single and
 * double quotes, backslash escapes, {@code $VAR} and {@code ${VAR}} of variables set earlier in the
 * file (or in the environment), and a trailing {@code # comment}. Anything else a shell would do
 * (commands, {@code $(...)}, backquotes, {@code ${VAR:-x}}, several assignments on one line, quotes
 * spanning lines) is not guessed at: the line is skipped with a warning naming the file and line,
 * so a setting never takes a different meaning than it has for logcheck.
 */
final class ShellAssignments {
    /** The variables set, and a warning per line that was not understood. */
    record Result(Map<String, String> vars, List<String> warnings) {}

    private final String file;
    private final Map<String, String> env;
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private ShellAssignments(String file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    static Result parse(String file, List<String> lines, Map<String, String> env) {
        ShellAssignments p = new ShellAssignments(file, env);
        for (int i = 0; i < lines.size(); i++) {
            p.line(i + 1, lines.get(i));
        }
        return new Result(p.vars, p.warnings);
    }

    /** A construct this reader does not follow; the line is skipped. */
    private static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private void line(int number, String line) {
        String s = line.stripLeading();
        if (s.isEmpty() || s.startsWith("#")) {
            return;
        }
        if (s.startsWith("export") && s.length() > 6 && Character.isWhitespace(s.charAt(6))) {
            s = s.substring(6).stripLeading();
        }
        int eq = s.indexOf('=');
        String name = eq > 0 ? s.substring(0, eq) : "";
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            warn(number, "not a variable assignment; ignored (nothing in this file is run)");
            return;
        }
        try {
            Cursor c = new Cursor(s, eq + 1);
            String value = word(c);
            c.skipBlanks();
            if (!c.atEnd() && c.peek() != '#') {
                throw new Unsupported(
                        "more after the value (\"" + s.substring(c.pos).strip() + "\")");
            }
            vars.put(name, value);
        } catch (Unsupported e) {
            warn(number, e.getMessage() + "; " + name + " is not set from this line");
        }
    }

    private void warn(int number, String what) {
        warnings.add(file + ":" + number + ": " + what);
    }

    /** Reads one shell word (quotes and expansions applied) up to an unquoted blank. */
    private String word(Cursor c) throws Unsupported {
        StringBuilder out = new StringBuilder();
        while (!c.atEnd()) {
            char ch = c.peek();
            if (ch == ' ' || ch == '\t') {
                break;
            }
            c.pos++;
            switch (ch) {
                case '\'' -> {
                    int end = c.text.indexOf('\'', c.pos);
                    if (end < 0) {
                        throw new Unsupported("a quote that is not closed on its line");
                    }
                    out.append(c.text, c.pos, end);
                    c.pos = end + 1;
                }
                case '"' -> doubleQuoted(c, out);
                case '\\' -> {
                    if (c.atEnd()) {
                        throw new Unsupported("a line continued with \\");
                    }
                    out.append(c.text.charAt(c.pos++));
                }
                case '$' -> dollar(c, out);
                case '`', ';', '&', '|', '<', '>', '(', ')' ->
                        throw new Unsupported("shell syntax '" + ch + "'");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private void doubleQuoted(Cursor c, StringBuilder out) throws Unsupported {
        while (true) {
            if (c.atEnd()) {
                throw new Unsupported("a quote that is not closed on its line");
            }
            char ch = c.text.charAt(c.pos++);
            if (ch == '"') {
                return;
            }
            if (ch == '\\' && !c.atEnd() && "$`\"\\".indexOf(c.peek()) >= 0) {
                out.append(c.text.charAt(c.pos++));
            } else if (ch == '$') {
                dollar(c, out);
            } else if (ch == '`') {
                throw new Unsupported("command substitution (`...`)");
            } else {
                out.append(ch);
            }
        }
    }

    /** After a {@code $}: a variable of the file or the environment. */
    private void dollar(Cursor c, StringBuilder out) throws Unsupported {
        if (c.atEnd()) {
            out.append('$');
            return;
        }
        char ch = c.peek();
        String name;
        if (ch == '{') {
            int end = c.text.indexOf('}', c.pos);
            name = end < 0 ? "" : c.text.substring(c.pos + 1, end);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new Unsupported("parameter expansion ${" + (end < 0 ? "..." : name) + "}");
            }
            c.pos = end + 1;
        } else if (ch == '(') {
            throw new Unsupported("command substitution $(...)");
        } else if (Character.isLetter(ch) || ch == '_') {
            int start = c.pos;
            while (!c.atEnd() && (Character.isLetterOrDigit(c.peek()) || c.peek() == '_')) {
                c.pos++;
            }
            name = c.text.substring(start, c.pos);
        } else if (ch == '"' || ch == ' ' || ch == '\t') {
            out.append('$');
            return;
        } else {
            throw new Unsupported("special parameter $" + ch);
        }
        String value = vars.containsKey(name) ? vars.get(name) : env.get(name);
        if (value == null) {
            throw new Unsupported("$" + name + " is not set before this line");
        }
        out.append(value);
    }

    private static final class Cursor {
        final String text;
        int pos;

        Cursor(String text, int pos) {
            this.text = text;
            this.pos = pos;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        void skipBlanks() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }
    }
}
