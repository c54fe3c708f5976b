package dev.logsentry.core.check;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleMatcher;
import dev.logsentry.core.rules.RuleTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies single lines with the exact semantics of the chosen profile. Shared and thread-safe:
 * it keeps one matcher session per thread.
 *
 * <p>logcheck 1.4, per line (see /usr/sbin/logcheck, {@code greplogoutput}):
 *
 * <ol>
 *   <li>for each cracking.d file matching the line: dropped by cracking.ignore.d's file of the same
 *       name, {@code logcheck-<name>}, {@code local} and {@code local-*} when
 *       SUPPORT_CRACKING_IGNORE is on, else reported as "ATTACKSUBJECT for name";
 *   <li>for each violations.d file: dropped likewise by violations.ignore.d, by cracking rules when
 *       an attack was reported in the run, and for the file named {@code logcheck} by every
 *       violations.ignore.d file and every violations.d file not starting with "logchec";
 *   <li>a system event when no ignore.d rule, cracking rule or violations rule matches.
 * </ol>
 */
public final class Classifier {

    private final RuleTree tree;
    private final CheckOptions options;
    private final RuleMatcher matcher;
    private final ThreadLocal<RuleMatcher.Session> sessions;

    public Classifier(RuleTree tree, CheckOptions options) {
        this.tree = tree;
        this.options = options;
        this.matcher = RuleMatcher.of(tree.rules());
        this.sessions = ThreadLocal.withInitial(matcher::newSession);
    }

    /** The rules in use. */
    public RuleTree rules() {
        return tree;
    }

    /** The options in use. */
    public CheckOptions options() {
        return options;
    }

    /**
     * Classifies {@code line} on its own: an attack elsewhere in the run is not assumed (the
     * violations pass subtracts cracking rules only after a reported attack; when the line is
     * itself an attack it is not a violation either).
     */
    public Classification classify(InputLine line) {
        return classify(line, false);
    }

    /**
     * Classifies {@code line} as part of a run where {@code attackInRun} says whether any line was
     * an attack.
     */
    public Classification classify(InputLine line, boolean attackInRun) {
        InputLine checked =
                options.profile() == Profile.LOGCHECK_1_4
                        ? line.withLatin1(LogcheckOrder.stripTrailingSpace(line.latin1()))
                        : line;
        LineFacts facts = facts(sessions.get(), checked.latin1());
        return toClassification(checked, facts, attackInRun || !facts.attacks().isEmpty());
    }

    /**
     * Every rule of every category that matches {@code line}, in tree order: the workbench's "why"
     * pane. Costs one prefiltered pass; rules that cannot match are not run.
     */
    public List<Rule> allMatches(InputLine line) {
        RuleMatcher.Session session = sessions.get();
        session.reset(line.latin1());
        return session.allMatches(0, tree.rules().size());
    }

    Classification toClassification(InputLine line, LineFacts facts, boolean attackInRun) {
        List<Placement> placements = new ArrayList<>(facts.attacks());
        placements.addAll(facts.violations(attackInRun));
        if (facts.unusual()) {
            placements.add(new Placement(Verdict.UNUSUAL, unusualHeading(), "", null));
        }
        if (placements.isEmpty()) {
            Rule why = facts.suppressedBy();
            if (why == null && attackInRun && facts.crackingAny() != null) {
                why = facts.crackingAny();
            }
            return new Classification(line, Verdict.IGNORED, placements, why);
        }
        Placement first = placements.get(0);
        return new Classification(line, first.kind(), placements, first.rule());
    }

    String unusualHeading() {
        return options.profile() == Profile.CLASSIC_1996
                ? "Unusual System Events"
                : options.eventsSubject();
    }

    /** The per-line facts; {@code latin1} must already be prepared as the profile requires. */
    LineFacts facts(RuleMatcher.Session session, String latin1) {
        session.reset(latin1);
        return options.profile() == Profile.CLASSIC_1996
                ? classicFacts(session)
                : logcheckFacts(session);
    }

    RuleMatcher.Session session() {
        return sessions.get();
    }

    private LineFacts logcheckFacts(RuleMatcher.Session s) {
        Rule[] suppressed = new Rule[1];
        List<Placement> attacks = List.of();
        boolean crackingPass =
                tree.hasDirectory(Category.CRACKING)
                        && (!options.supportCrackingIgnore()
                                || tree.hasDirectory(Category.CRACKING_IGNORE));
        if (crackingPass) {
            attacks =
                    raisePass(
                            s,
                            Category.CRACKING,
                            options.supportCrackingIgnore() ? Category.CRACKING_IGNORE : null,
                            Verdict.ATTACK,
                            options.attackSubject(),
                            suppressed);
        }
        List<Placement> violations = List.of();
        if (tree.hasDirectory(Category.VIOLATIONS)) {
            violations =
                    raisePass(
                            s,
                            Category.VIOLATIONS,
                            Category.VIOLATIONS_IGNORE,
                            Verdict.VIOLATION,
                            options.securitySubject(),
                            suppressed);
        }
        Rule crackingAny = first(s, Category.CRACKING);
        Rule violationsAny = first(s, Category.VIOLATIONS);
        Rule ignore = tree.hasDirectory(Category.IGNORE) ? first(s, Category.IGNORE) : null;
        boolean unusual = ignore == null && crackingAny == null && violationsAny == null;
        Rule why = suppressed[0];
        if (why == null) {
            why = ignore != null ? ignore : violationsAny != null ? violationsAny : crackingAny;
        }
        return new LineFacts(attacks, violations, crackingAny, violationsAny, unusual, why);
    }

    /** One {@code greplogoutput} pass without the ignorehigher step (see {@link LineFacts}). */
    private List<Placement> raisePass(
            RuleMatcher.Session s,
            Category raise,
            Category ignore,
            Verdict kind,
            String subject,
            Rule[] suppressed) {
        List<Placement> placements = new ArrayList<>(2);
        for (RuleFile file : tree.files(raise)) {
            Rule hit = first(s, file);
            if (hit == null) {
                continue;
            }
            Rule drop = null;
            if (ignore != null) {
                drop = first(s, tree.file(ignore, file.name()).orElse(null));
                if (drop == null) {
                    drop = first(s, tree.file(ignore, "logcheck-" + file.name()).orElse(null));
                }
            }
            if (drop == null && file.name().equals("logcheck")) {
                if (ignore != null) {
                    drop = first(s, ignore);
                }
                for (RuleFile other : tree.files(raise)) {
                    if (drop == null && !other.name().startsWith("logchec")) {
                        drop = first(s, other);
                    }
                }
            }
            if (drop == null && ignore != null) {
                drop = first(s, tree.file(ignore, "local").orElse(null));
                for (RuleFile local : tree.files(ignore)) {
                    if (drop == null && local.name().startsWith("local-")) {
                        drop = first(s, local);
                    }
                }
            }
            if (drop != null) {
                if (suppressed[0] == null) {
                    suppressed[0] = drop;
                }
                continue;
            }
            String heading =
                    file.name().equals("logcheck") ? subject : subject + " for " + file.name();
            placements.add(new Placement(kind, heading, file.name(), hit));
        }
        return placements;
    }

    private LineFacts classicFacts(RuleMatcher.Session s) {
        List<Placement> attacks = new ArrayList<>(1);
        Rule hacking = first(s, Category.CRACKING);
        if (hacking != null) {
            attacks.add(
                    new Placement(
                            Verdict.ATTACK,
                            "Active System Attack Alerts",
                            hacking.fileName(),
                            hacking));
        }
        List<Placement> violations = new ArrayList<>(1);
        Rule violation = first(s, Category.VIOLATIONS);
        Rule suppressed = null;
        if (violation != null && tree.hasDirectory(Category.VIOLATIONS_IGNORE)) {
            suppressed = first(s, Category.VIOLATIONS_IGNORE);
            if (suppressed == null) {
                violations.add(
                        new Placement(
                                Verdict.VIOLATION,
                                "Security Violations",
                                violation.fileName(),
                                violation));
            }
        }
        Rule ignore = first(s, Category.IGNORE);
        boolean unusual = tree.hasDirectory(Category.IGNORE) && ignore == null;
        return new LineFacts(
                attacks,
                violations,
                hacking,
                violation,
                unusual,
                suppressed != null ? suppressed : ignore);
    }

    private Rule first(RuleMatcher.Session s, Category category) {
        List<RuleFile> files = tree.files(category);
        int from = Integer.MAX_VALUE;
        int to = -1;
        for (RuleFile f : files) {
            if (!f.rules().isEmpty()) {
                from = Math.min(from, f.rules().get(0).id());
                to = Math.max(to, f.rules().get(f.rules().size() - 1).id() + 1);
            }
        }
        return to < 0 ? null : rule(s.firstMatch(from, to));
    }

    private Rule first(RuleMatcher.Session s, RuleFile file) {
        if (file == null || file.rules().isEmpty()) {
            return null;
        }
        int from = file.rules().get(0).id();
        int to = file.rules().get(file.rules().size() - 1).id() + 1;
        return rule(s.firstMatch(from, to));
    }

    private Rule rule(int id) {
        return id < 0 ? null : tree.rules().get(id);
    }
}
