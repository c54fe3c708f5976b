package dev.logsentry.core.check;

import dev.logsentry.core.rules.Category;
import dev.logsentry.core.rules.Rule;
import dev.logsentry.core.rules.RuleFile;
import dev.logsentry.core.rules.RuleTree;
import dev.logsentry.core.rules.automata.AutomataStore;
import dev.logsentry.core.rules.automata.RuleFileMatcher;
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
    private final RuleFileMatcher matcher;

    /**
     * Idle matcher sessions. A pool rather than a ThreadLocal: a thread-local session would keep
     * this classifier's automata alive in every thread that ever used it.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<RuleFileMatcher.Session> idle =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final int[][] categoryFiles;
    private final RaiseFile[] crackingPass;
    private final RaiseFile[] violationsPass;

    public Classifier(RuleTree tree, CheckOptions options) {
        this(tree, options, AutomataStore.NONE);
    }

    /**
     * A classifier whose rule automata come from {@code store} when it holds them for these rules
     * (ADR 0014); {@link #saveAutomata} stores them back.
     */
    public Classifier(RuleTree tree, CheckOptions options, AutomataStore store) {
        this.tree = tree;
        this.options = options;
        // the few cracking and violations rules are told apart by the automaton itself: their
        // rule is in every report line, and no regex has to run to name it
        this.matcher =
                RuleFileMatcher.of(
                        tree,
                        f ->
                                f.category() == Category.CRACKING
                                        || f.category() == Category.VIOLATIONS,
                        store);
        this.categoryFiles = new int[Category.values().length][];
        for (Category c : Category.values()) {
            categoryFiles[c.ordinal()] = indexes(tree.files(c));
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

    /**
     * Stores the rule automata when this classifier built states its store did not have; call it
     * when no line is being classified.
     */
    public void saveAutomata() {
        matcher.saveIfGrown();
    }

    /** Whether the rule automata were read from the store (diagnostics, tests). */
    public boolean automataRestored() {
        return matcher.restored();
    }

    /** The rule automata's sizes, for diagnostics. */
    public String diagnostics() {
        return matcher.diagnostics();
    }

    /** Back-reference rules that ran out of their time budget on some line so far. */
    public java.util.Set<Rule> budgetExceeded() {
        return matcher.budgetExceeded();
    }

    /**
     * A classifier that decides only what raises a line, for live alerts: attack and violation
     * verdicts exactly as this one gives them (logcheck reads ignore.d only for system events), but
     * without running the ignore.d rules, most of the rules and of the matching time. A line that a
     * cracking or violations rule matches but its ignore files drop is {@link Verdict#IGNORED} as
     * in the whole tree; every other line is {@link Verdict#UNUSUAL} there: whether an ignore.d
     * rule covers it is not decided (a check run decides it).
     */
    public Classifier raisingOnly() {
        return new Classifier(tree.withoutIgnoreRules(), options);
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
     * an attack. The classification names the deciding rule, also for ignored lines.
     */
    public Classification classify(InputLine line, boolean attackInRun) {
        InputLine checked =
                options.profile() == Profile.LOGCHECK_1_4
                        ? line.withLatin1(LogcheckOrder.stripTrailingSpace(line.latin1()))
                        : line;
        RuleFileMatcher.Session session = session();
        LineFacts facts;
        try {
            facts = facts(session, checked.latin1(), true);
        } finally {
            release(session);
        }
        return toClassification(checked, facts, attackInRun || !facts.attacks().isEmpty());
    }

    /** Receives the classifications of a batch, line by line in order. */
    @FunctionalInterface
    public interface BatchSink {
        /**
         * @param index the line's position in the batch
         * @param alone its classification when no attack is reported in the run
         * @param ifAttack its classification when one is (the same object when that changes
         *     nothing)
         */
        void accept(int index, Classification alone, Classification ifAttack);
    }

    /**
     * Classifies a batch the way a check run does (two lines per automaton walk, one matcher
     * session for the whole batch): the workbench's path through the checker's pipeline. Without
     * {@code explain}, as in a check run, an ignored line's deciding rule may be null (finding it
     * costs regex runs); with it, every line's is named.
     */
    public void classifyBatch(List<InputLine> lines, boolean explain, BatchSink sink) {
        boolean strip = options.profile() == Profile.LOGCHECK_1_4;
        LineFacts[] facts = new LineFacts[lines.size()];
        List<InputLine> checked = new ArrayList<>(lines.size());
        for (InputLine l : lines) {
            checked.add(strip ? l.withLatin1(LogcheckOrder.stripTrailingSpace(l.latin1())) : l);
        }
        RuleFileMatcher.Session session = session();
        try {
            int i = 0;
            for (; i + 1 < checked.size(); i += 2) {
                factsPair(
                        session,
                        checked.get(i).latin1(),
                        checked.get(i + 1).latin1(),
                        explain,
                        facts,
                        i);
            }
            if (i < checked.size()) {
                facts[i] = facts(session, checked.get(i).latin1(), explain);
            }
        } finally {
            release(session);
        }
        for (int i = 0; i < facts.length; i++) {
            LineFacts f = facts[i];
            boolean attack = !f.attacks().isEmpty();
            Classification alone = toClassification(checked.get(i), f, attack);
            Classification ifAttack =
                    attack || f.crackingAny() == null
                            ? alone
                            : toClassification(checked.get(i), f, true);
            sink.accept(i, alone, ifAttack);
        }
    }

    /**
     * Every rule of every category that matches {@code line}, in tree order: the workbench's "why"
     * pane. Costs one pass of the rule files' automata; rules that cannot match are not run.
     */
    public List<Rule> allMatches(InputLine line) {
        RuleFileMatcher.Session session = session();
        try {
            session.reset(line.latin1());
            return session.allMatches();
        } finally {
            release(session);
        }
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

    /**
     * The per-line facts; {@code latin1} must already be prepared as the profile requires. With
     * {@code explain} the rule that ignored or suppressed the line is named ({@link
     * LineFacts#suppressedBy()}); without, it may be null, which saves regex runs in a check run
     * whose report never shows it.
     */
    LineFacts facts(RuleFileMatcher.Session session, String latin1, boolean explain) {
        session.reset(latin1);
        return selectedFacts(session, explain);
    }

    /** The facts of the line {@code session} has selected, as the profile reads them. */
    private LineFacts selectedFacts(RuleFileMatcher.Session session, boolean explain) {
        return options.profile() == Profile.CLASSIC_1996
                ? classicFacts(session, explain)
                : logcheckFacts(session, explain);
    }

    /**
     * The facts of two lines at once (their automaton walks interleaved); {@code into[at]} and
     * {@code into[at + 1]} receive them.
     */
    void factsPair(
            RuleFileMatcher.Session session,
            String first,
            String second,
            boolean explain,
            LineFacts[] into,
            int at) {
        session.resetPair(first, second);
        into[at] = selectedFacts(session, explain);
        session.select(1);
        into[at + 1] = selectedFacts(session, explain);
    }

    /** A session for this thread's use until {@link #release}d. */
    RuleFileMatcher.Session session() {
        RuleFileMatcher.Session s = idle.poll();
        return s != null ? s : matcher.newSession();
    }

    void release(RuleFileMatcher.Session session) {
        idle.offer(session);
    }

    private LineFacts logcheckFacts(RuleFileMatcher.Session s, boolean explain) {
        if (!explain
                && s.firstMatching(categoryFiles[Category.CRACKING.ordinal()]) < 0
                && s.firstMatching(categoryFiles[Category.VIOLATIONS.ordinal()]) < 0) {
            // nearly every line: nothing raises it, so only the ignore rules can matter
            boolean ignored =
                    tree.hasDirectory(Category.IGNORE)
                            && s.firstMatching(categoryFiles[Category.IGNORE.ordinal()]) >= 0;
            return ignored ? LineFacts.IGNORED : LineFacts.UNUSUAL;
        }
        Rule[] suppressed = new Rule[1];
        List<Placement> attacks = raisePass(s, crackingPass, suppressed, explain);
        List<Placement> violations = raisePass(s, violationsPass, suppressed, explain);
        Rule crackingAny = firstRule(s, categoryFiles[Category.CRACKING.ordinal()]);
        Rule violationsAny = firstRule(s, categoryFiles[Category.VIOLATIONS.ordinal()]);
        int ignore = -1;
        boolean raised = crackingAny != null || violationsAny != null;
        if (tree.hasDirectory(Category.IGNORE) && (!raised || explain)) {
            ignore = s.firstMatching(categoryFiles[Category.IGNORE.ordinal()]);
        }
        boolean unusual = ignore < 0 && !raised;
        if (!explain && !raised && attacks.isEmpty() && violations.isEmpty()) {
            // most lines: one shared answer instead of a new one per line
            return unusual ? LineFacts.UNUSUAL : LineFacts.IGNORED;
        }
        Rule why = suppressed[0];
        if (why == null) {
            if (ignore >= 0) {
                why = explain ? s.firstRule(ignore) : null;
            } else {
                why = violationsAny != null ? violationsAny : crackingAny;
            }
        }
        return new LineFacts(attacks, violations, crackingAny, violationsAny, unusual, why);
    }

    /** One {@code greplogoutput} pass without the ignorehigher step (see {@link LineFacts}). */
    private List<Placement> raisePass(
            RuleFileMatcher.Session s, RaiseFile[] pass, Rule[] suppressed, boolean explain) {
        List<Placement> placements = List.of();
        for (RaiseFile file : pass) {
            if (!s.matches(file.file())) {
                continue;
            }
            int drop = s.firstMatching(file.filters());
            if (drop >= 0) {
                if (explain && suppressed[0] == null) {
                    suppressed[0] = s.firstRule(drop);
                }
                continue;
            }
            if (placements.isEmpty()) {
                placements = new ArrayList<>(2);
            }
            placements.add(
                    new Placement(
                            file.kind(), file.heading(), file.name(), s.firstRule(file.file())));
        }
        return placements;
    }

    /**
     * A cracking or violations file with the files whose rules can drop its lines, in logcheck's
     * order: same-named ignore file, {@code logcheck-<name>}, for the {@code logcheck} file all
     * ignore files and the raise files not starting with "logchec", then {@code local} and {@code
     * local-*}.
     */
    private record RaiseFile(String name, Verdict kind, String heading, int file, int[] filters) {}

    private RaiseFile[] raiseFiles(
            Category raise, Category ignore, boolean enabled, Verdict kind, String subject) {
        if (!enabled) {
            return new RaiseFile[0];
        }
        List<RaiseFile> result = new ArrayList<>();
        for (RuleFile file : tree.files(raise)) {
            List<RuleFile> filters = new ArrayList<>();
            if (ignore != null) {
                tree.file(ignore, file.name()).ifPresent(filters::add);
                tree.file(ignore, "logcheck-" + file.name()).ifPresent(filters::add);
            }
            if (file.name().equals("logcheck")) {
                if (ignore != null) {
                    filters.addAll(tree.files(ignore));
                }
                for (RuleFile other : tree.files(raise)) {
                    if (!other.name().startsWith("logchec")) {
                        filters.add(other);
                    }
                }
            }
            if (ignore != null) {
                tree.file(ignore, "local").ifPresent(filters::add);
                for (RuleFile local : tree.files(ignore)) {
                    if (local.name().startsWith("local-")) {
                        filters.add(local);
                    }
                }
            }
            String heading =
                    file.name().equals("logcheck") ? subject : subject + " for " + file.name();
            result.add(
                    new RaiseFile(
                            file.name(), kind, heading, matcher.indexOf(file), indexes(filters)));
        }
        return result.toArray(new RaiseFile[0]);
    }

    private LineFacts classicFacts(RuleFileMatcher.Session s, boolean explain) {
        List<Placement> attacks = new ArrayList<>(1);
        Rule hacking = firstRule(s, categoryFiles[Category.CRACKING.ordinal()]);
        if (hacking != null) {
            attacks.add(
                    new Placement(
                            Verdict.ATTACK,
                            "Active System Attack Alerts",
                            hacking.fileName(),
                            hacking));
        }
        List<Placement> violations = new ArrayList<>(1);
        Rule violation = firstRule(s, categoryFiles[Category.VIOLATIONS.ordinal()]);
        int suppressed = -1;
        if (violation != null && tree.hasDirectory(Category.VIOLATIONS_IGNORE)) {
            suppressed = s.firstMatching(categoryFiles[Category.VIOLATIONS_IGNORE.ordinal()]);
            if (suppressed < 0) {
                violations.add(
                        new Placement(
                                Verdict.VIOLATION,
                                "Security Violations",
                                violation.fileName(),
                                violation));
            }
        }
        int ignore = s.firstMatching(categoryFiles[Category.IGNORE.ordinal()]);
        boolean unusual = tree.hasDirectory(Category.IGNORE) && ignore < 0;
        Rule why = null;
        if (explain) {
            why =
                    suppressed >= 0
                            ? s.firstRule(suppressed)
                            : ignore >= 0 ? s.firstRule(ignore) : null;
        }
        // crackingAny stays null: the 1996 script never subtracts attacks from violations
        return new LineFacts(attacks, violations, null, violation, unusual, why);
    }

    /** The first rule of the first matching file among {@code files}, or null. */
    private static Rule firstRule(RuleFileMatcher.Session s, int[] files) {
        int f = s.firstMatching(files);
        return f < 0 ? null : s.firstRule(f);
    }

    private int[] indexes(List<RuleFile> files) {
        int[] result = new int[files.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = matcher.indexOf(files.get(i));
        }
        return result;
    }
}
