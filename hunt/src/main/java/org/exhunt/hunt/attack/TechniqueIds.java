package org.exhunt.hunt.attack;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Spellings of ATT&CK technique ids: {@code T1505.003}, {@code t1505.003}, tag form {@code attack.t1505.003}. */
final class TechniqueIds {

    private static final String TAG_PREFIX = "attack.";
    private static final Pattern ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    private TechniqueIds() {
    }

    /** The id in its canonical form ({@code T1505.003}), or empty when the text is no technique id. */
    static Optional<String> normalise(String idOrTag) {
        if (idOrTag == null) return Optional.empty();
        String s = idOrTag.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith(TAG_PREFIX.toUpperCase(Locale.ROOT))) s = s.substring(TAG_PREFIX.length());
        return ID.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    static boolean isWellFormed(String canonicalId) {
        return ID.matcher(canonicalId).matches();
    }

    static boolean isSubTechnique(String canonicalId) {
        return canonicalId.indexOf('.') >= 0;
    }

    /** {@code T1505} for {@code T1505.003}; a technique that is no sub-technique is its own parent. */
    static String parentOf(String canonicalId) {
        int dot = canonicalId.indexOf('.');
        return dot < 0 ? canonicalId : canonicalId.substring(0, dot);
    }
}
