package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code expand} modifier: each {@code %name%} in a value is replaced by each value the
 * context configures for it, so a value becomes one alternative per combination. Configured
 * values are read as rule values, so they may carry wildcards.
 */
final class Placeholders {
    private static final int MAX_ALTERNATIVES = 10_000;

    private Placeholders() {
    }

    static List<SigmaString> expand(SigmaString value, ValueContext ctx) throws ValueException {
        List<SigmaString> done = new ArrayList<>();
        done.add(SigmaString.literal(""));
        for (SigmaString.Part p : value.parts()) {
            List<SigmaString> choices;
            if (p instanceof SigmaString.Placeholder ph) {
                List<String> configured = ctx.placeholder(ph.name());
                if (configured == null) {
                    throw new ValueException("unknown placeholder '%" + ph.name() + "%' in '" + value
                            + "'; configure its values in the pipeline");
                }
                choices = new ArrayList<>();
                for (String c : configured) {
                    choices.add(SigmaString.parse(c, false));
                }
            } else {
                choices = List.of(single(p));
            }
            List<SigmaString> next = new ArrayList<>();
            for (SigmaString head : done) {
                for (SigmaString c : choices) {
                    next.add(SigmaString.concat(List.of(head, c)));
                }
            }
            if (next.size() > MAX_ALTERNATIVES) {
                throw new ValueException("placeholders in '" + value + "' expand to more than "
                        + MAX_ALTERNATIVES + " values");
            }
            done = next;
        }
        return done;
    }

    private static SigmaString single(SigmaString.Part p) {
        if (p instanceof SigmaString.Literal l) {
            return SigmaString.literal(l.text());
        }
        return SigmaString.parse(p == SigmaString.Wildcard.ANY ? "*" : "?", false);
    }
}
