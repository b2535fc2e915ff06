package org.exhunt.sigma.condition;

import java.util.ArrayList;
import java.util.List;

/** Splits a condition into words and brackets. Whitespace separates words; brackets always stand alone. */
final class ConditionLexer {

    private ConditionLexer() {
    }

    static List<ConditionToken> tokens(String text) {
        List<ConditionToken> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new ConditionToken(ConditionToken.Kind.OPEN, "(", i + 1));
                i++;
            } else if (c == ')') {
                out.add(new ConditionToken(ConditionToken.Kind.CLOSE, ")", i + 1));
                i++;
            } else if (c == '|') {
                out.add(new ConditionToken(ConditionToken.Kind.PIPE, "|", i + 1));
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && "()|".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                out.add(ConditionToken.word(text.substring(start, i), start + 1));
            }
        }
        out.add(new ConditionToken(ConditionToken.Kind.END, "end of condition", n + 1));
        return out;
    }
}
