package org.exhunt.yara.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Printing a tree with the fewest parentheses and parsing the text back gives the same tree: the
 * printer and the parser agree on every precedence and on where each construct may stand.
 */
class RoundTripProperties {

    @Property(tries = 2000)
    void aPrintedConditionParsesBackToTheSameTree(@ForAll("conditions") Expr condition) {
        String text = SourcePrinter.minimal(condition);
        Expr parsed = RuleParser.parseCondition("p.yar", text);
        assertThat(SourcePrinter.fullyParenthesized(parsed)).as("parsed from: %s", text)
                .isEqualTo(SourcePrinter.fullyParenthesized(condition));
    }

    @Property(tries = 2000)
    void aPrintedHexStringParsesBackToTheSameTokens(@ForAll("hexStrings") List<HexToken> tokens, @ForAll long seed) {
        String text = spaced(SourcePrinter.hex(tokens), new Random(seed));
        List<HexToken> parsed = HexParser.parse("$h", text, new Position("p.yar", 1, 1));
        assertThat(parsed).as("parsed from: %s", text).isEqualTo(tokens);
    }

    @Provide
    Arbitrary<Expr> conditions() {
        return Arbitraries.randomValue(r -> new ConditionTrees(r).bool(r.nextInt(6)));
    }

    @Provide
    Arbitrary<List<HexToken>> hexStrings() {
        return Arbitraries.randomValue(r -> sequence(r, 2, false));
    }

    /** A sequence that starts and ends with a byte or an alternation, as YARA requires. */
    private static List<HexToken> sequence(Random r, int depth, boolean inAlternation) {
        List<HexToken> out = new ArrayList<>();
        out.add(unit(r, depth, inAlternation));
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(3) == 0) {
                int min = r.nextInt(20);
                boolean unbounded = !inAlternation && r.nextInt(4) == 0;
                out.add(new HexToken.Jump(min, unbounded ? -1 : Math.max(1, min + r.nextInt(20))));
            }
            out.add(unit(r, depth, inAlternation));
        }
        return out;
    }

    private static HexToken unit(Random r, int depth, boolean inAlternation) {
        if (depth > 0 && r.nextInt(5) == 0) {
            List<List<HexToken>> alternatives = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                alternatives.add(sequence(r, depth - 1, true));
            }
            return new HexToken.Alternation(alternatives);
        }
        int mask = new int[] {0xFF, 0xFF, 0xF0, 0x0F, 0x00}[r.nextInt(5)];
        boolean negated = mask != 0 && r.nextInt(6) == 0;
        return new HexToken.Byte(r.nextInt(256) & mask, mask, negated);
    }

    /** Varies the layout between tokens: no space, newlines, comments; the tokens must not change. */
    private static String spaced(String printed, Random r) {
        StringBuilder b = new StringBuilder();
        for (String part : printed.split(" ")) {
            b.append(part);
            b.append(switch (r.nextInt(5)) {
                case 0 -> "";
                case 1 -> "\n";
                case 2 -> " /* c */ ";
                case 3 -> " // line\n";
                default -> " ";
            });
        }
        return b.toString();
    }
}
