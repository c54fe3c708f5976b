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
 *
 * Two deliberate differences: a rule that does not compile is left out and reported (logcheck's
 * grep would fail and drop the whole pass, or with {@code -v} every line), and a missing cracking.d
 * directory counts as empty (logcheck stops with "cleanchecked: Not a file or a directory"). File
 * names are ordered by bytes, as logcheck's globs are in the C locale.
 */
public final class Classifier {

    private final RuleTree tree;
    private final CheckOptions options;
    private final RuleMatcher matcher;
    private final ThreadLocal<RuleMatcher.Session> sessions;
    private final int[][] categoryRanges;
    private final RaiseFile[] crackingPass;
    private final RaiseFile[] violationsPass;

    public Classifier(RuleTree tree, CheckOptions options) {
        this.tree = tree;
        this.options = options;
        this.matcher = RuleMatcher.of(tree.rules());
        this.sessions = ThreadLocal.withInitial(matcher::newSession);
        this.categoryRanges = new int[Category.values().length][];
        for (Category c : Category.values()) {
            categoryRanges[c.ordinal()] = categoryRange(c);
        }
        boolean crackingIgnore = options.supportCrackingIgnore();
        this.crackingPass =
                raiseFiles(
                        Category.CRACKING,
                        crackingIgnore ? Category.CRACKING_IGNORE : null,
                        tree.hasDirectory(Category.CRACKING)
                                && (!crackingIgnore || tree.hasDirectory(Category.CRACKING_IGNORE)),
                        Verdict.ATTACK,
                        options.attackSubject());
        this.violationsPass =
                raiseFiles(
                        Category.VIOLATIONS,
                        Category.VIOLATIONS_IGNORE,
                        tree.hasDirectory(Category.VIOLATIONS),
                        Verdict.VIOLATION,
                        options.securitySubject());
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
        List<Placement> attacks = raisePass(s, crackingPass, suppressed);
        List<Placement> violations = raisePass(s, violationsPass, suppressed);
        Rule crackingAny = first(s, categoryRanges[Category.CRACKING.ordinal()]);
        Rule violationsAny = first(s, categoryRanges[Category.VIOLATIONS.ordinal()]);
        Rule ignore =
                tree.hasDirectory(Category.IGNORE)
                        ? first(s, categoryRanges[Category.IGNORE.ordinal()])
                        : null;
        boolean unusual = ignore == null && crackingAny == null && violationsAny == null;
        Rule why = suppressed[0];
        if (why == null) {
            why = ignore != null ? ignore : violationsAny != null ? violationsAny : crackingAny;
        }
        return new LineFacts(attacks, violations, crackingAny, violationsAny, unusual, why);
    }

    /** One {@code greplogoutput} pass without the ignorehigher step (see {@link LineFacts}). */
    private List<Placement> raisePass(RuleMatcher.Session s, RaiseFile[] pass, Rule[] suppressed) {
        List<Placement> placements = List.of();
        for (RaiseFile file : pass) {
            Rule hit = first(s, file.range());
            if (hit == null) {
                continue;
            }
            Rule drop = null;
            for (int k = 0; k < file.filters().length && drop == null; k++) {
                drop = first(s, file.filters()[k]);
            }
            if (drop != null) {
                if (suppressed[0] == null) {
                    suppressed[0] = drop;
                }
                continue;
            }
            if (placements.isEmpty()) {
                placements = new ArrayList<>(2);
            }
            placements.add(new Placement(file.kind(), file.heading(), file.name(), hit));
        }
        return placements;
    }

    /**
     * A cracking or violations file with the id ranges of the rules that can drop its lines, in
     * logcheck's order: same-named ignore file, {@code logcheck-<name>}, for the {@code logcheck}
     * file all ignore files and the raise files not starting with "logchec", then {@code local} and
     * {@code local-*}.
     */
    private record RaiseFile(
            String name, Verdict kind, String heading, int[] range, int[][] filters) {}

    private RaiseFile[] raiseFiles(
            Category raise, Category ignore, boolean enabled, Verdict kind, String subject) {
        if (!enabled) {
            return new RaiseFile[0];
        }
        List<RaiseFile> result = new ArrayList<>();
        for (RuleFile file : tree.files(raise)) {
            List<int[]> filters = new ArrayList<>();
            if (ignore != null) {
                tree.file(ignore, file.name()).ifPresent(f -> filters.add(range(f)));
                tree.file(ignore, "logcheck-" + file.name()).ifPresent(f -> filters.add(range(f)));
            }
            if (file.name().equals("logcheck")) {
                if (ignore != null) {
                    filters.add(categoryRanges[ignore.ordinal()]);
                }
                for (RuleFile other : tree.files(raise)) {
                    if (!other.name().startsWith("logchec")) {
                        filters.add(range(other));
                    }
                }
            }
            if (ignore != null) {
                tree.file(ignore, "local").ifPresent(f -> filters.add(range(f)));
                for (RuleFile local : tree.files(ignore)) {
                    if (local.name().startsWith("local-")) {
                        filters.add(range(local));
                    }
                }
            }
            String heading =
                    file.name().equals("logcheck") ? subject : subject + " for " + file.name();
            result.add(
                    new RaiseFile(
                            file.name(),
                            kind,
                            heading,
                            range(file),
                            filters.toArray(new int[0][])));
        }
        return result.toArray(new RaiseFile[0]);
    }

    private LineFacts classicFacts(RuleMatcher.Session s) {
        List<Placement> attacks = new ArrayList<>(1);
        Rule hacking = first(s, categoryRanges[Category.CRACKING.ordinal()]);
        if (hacking != null) {
            attacks.add(
                    new Placement(
                            Verdict.ATTACK,
                            "Active System Attack Alerts",
                            hacking.fileName(),
                            hacking));
        }
        List<Placement> violations = new ArrayList<>(1);
        Rule violation = first(s, categoryRanges[Category.VIOLATIONS.ordinal()]);
        Rule suppressed = null;
        if (violation != null && tree.hasDirectory(Category.VIOLATIONS_IGNORE)) {
            suppressed = first(s, categoryRanges[Category.VIOLATIONS_IGNORE.ordinal()]);
            if (suppressed == null) {
                violations.add(
                        new Placement(
                                Verdict.VIOLATION,
                                "Security Violations",
                                violation.fileName(),
                                violation));
            }
        }
        Rule ignore = first(s, categoryRanges[Category.IGNORE.ordinal()]);
        boolean unusual = tree.hasDirectory(Category.IGNORE) && ignore == null;
        // crackingAny stays null: the 1996 script never subtracts attacks from violations
        return new LineFacts(
                attacks,
                violations,
                null,
                violation,
                unusual,
                suppressed != null ? suppressed : ignore);
    }

    private Rule first(RuleMatcher.Session s, int[] range) {
        return range[0] >= range[1] ? null : rule(s.firstMatch(range[0], range[1]));
    }

    private static int[] range(RuleFile file) {
        if (file.rules().isEmpty()) {
            return new int[] {0, 0};
        }
        return new int[] {
            file.rules().get(0).id(), file.rules().get(file.rules().size() - 1).id() + 1
        };
    }

    private int[] categoryRange(Category category) {
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (RuleFile f : tree.files(category)) {
            int[] r = range(f);
            if (r[0] < r[1]) {
                from = Math.min(from, r[0]);
                to = Math.max(to, r[1]);
            }
        }
        return to == 0 ? new int[] {0, 0} : new int[] {from, to};
    }

    private Rule rule(int id) {
        return id < 0 ? null : tree.rules().get(id);
    }
}
