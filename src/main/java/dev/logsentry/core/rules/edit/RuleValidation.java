package dev.logsentry.core.rules.edit;

import dev.logsentry.core.rules.ere.CompiledEre;
import dev.logsentry.core.rules.ere.EreToken;
import java.util.List;

/**
 * The result of validating one rule as grep -E reads it: the tokens for syntax colouring (covering
 * the whole pattern; after a syntax error the rest is one {@link EreToken.Kind#ERROR} token), the
 * findings, and the compiled pattern when it compiles.
 *
 * @param pattern the rule as written
 * @param tokens the pattern's tokens in order
 * @param diagnostics errors, warnings and notes, in pattern order
 * @param compiled the translated pattern, or null when grep would reject the rule
 */
public record RuleValidation(
        String pattern,
        List<EreToken> tokens,
        List<RuleDiagnostic> diagnostics,
        CompiledEre compiled) {

    public RuleValidation {
        tokens = List.copyOf(tokens);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether grep -E accepts the rule. */
    public boolean compiles() {
        return compiled != null;
    }

    /** Whether there is any finding of {@code severity}. */
    public boolean has(RuleDiagnostic.Severity severity) {
        return diagnostics.stream().anyMatch(d -> d.severity() == severity);
    }

    /** Whether there is a finding with {@code code}. */
    public boolean has(RuleDiagnostic.Code code) {
        return diagnostics.stream().anyMatch(d -> d.code() == code);
    }
}
