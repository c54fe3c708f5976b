package dev.logsentry.core.check;

import java.util.List;

/**
 * Lines as the rules of a profile see them (logcheck 1.4 strips trailing white space first), by
 * index: what previews, rule tests and health checks run the engine over. Implementations must be
 * safe to read from several threads.
 */
public interface CheckLines {

    int size();

    /** Line {@code index} as the rules see it, one char per byte. */
    String latin1(int index);

    /** {@code lines} prepared for {@code profile} once, up front. */
    static CheckLines of(List<InputLine> lines, Profile profile) {
        String[] prepared = new String[lines.size()];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = prepare(lines.get(i).latin1(), profile);
        }
        return of(prepared);
    }

    /** Lines already prepared. */
    static CheckLines of(String[] prepared) {
        return new CheckLines() {
            @Override
            public int size() {
                return prepared.length;
            }

            @Override
            public String latin1(int index) {
                return prepared[index];
            }
        };
    }

    /** {@code latin1} as the rules of {@code profile} see it. */
    static String prepare(String latin1, Profile profile) {
        return profile == Profile.LOGCHECK_1_4 ? LogcheckOrder.stripTrailingSpace(latin1) : latin1;
    }
}
