package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.sigma.prefilter.LiteralAutomaton;

/**
 * Screens the substring values of one detection item in a single pass. SigmaHQ items often list
 * dozens of {@code contains} values for one field; tested one after another, each is a full
 * pass over the field's text (a command line, a whole PowerShell script block). One automaton
 * pass instead tells which of those substrings can occur at all, and only those are tested.
 *
 * <p>Exact: the automaton folds case at least as widely as any {@link CharFold} without dashes
 * (two characters equal after lower-casing are equal after its fold), so a substring it does
 * not find cannot match; one it finds is still confirmed by its own matcher.
 */
final class ContainsScreen {

    /** Fewer substrings than this are cheaper to test one by one than to screen. */
    static final int MIN_VALUES = 3;

    /** Stands for "no screen": too few substring values, or keywords. */
    static final ContainsScreen NONE = new ContainsScreen(null, new int[0], new boolean[0]);

    private final LiteralAutomaton automaton;
    /** Per literal of the automaton, the index of its matcher in the item's flat list. */
    private final int[] matcherOf;
    /** Per matcher of the item, whether the screen decides it. */
    private final boolean[] screened;

    private ContainsScreen(LiteralAutomaton automaton, int[] matcherOf, boolean[] screened) {
        this.automaton = automaton;
        this.matcherOf = matcherOf;
        this.screened = screened;
    }

    /** A screen for the substring values among {@code matchers}, or {@link #NONE} when too few are. */
    static ContainsScreen of(ValueMatcher[] matchers) {
        List<String> literals = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        boolean[] screened = new boolean[matchers.length];
        for (int i = 0; i < matchers.length; i++) {
            if (matchers[i] instanceof TextValueMatcher t) {
                String lit = t.screenLiteral();
                if (lit != null) {
                    literals.add(lit);
                    owners.add(i);
                    screened[i] = true;
                }
            }
        }
        if (literals.size() < MIN_VALUES) {
            return NONE;
        }
        return new ContainsScreen(LiteralAutomaton.of(literals),
                owners.stream().mapToInt(Integer::intValue).toArray(), screened);
    }

    /**
     * Which matchers may still match {@code text}: true for every matcher the screen does not
     * decide, and for each screened one whose substring occurs (ignoring case).
     */
    boolean[] candidates(String text) {
        boolean[] possible = new boolean[screened.length];
        for (int i = 0; i < possible.length; i++) {
            possible[i] = !screened[i];
        }
        automaton.scanAnyOrder(text, literal -> possible[matcherOf[literal]] = true);
        return possible;
    }
}
