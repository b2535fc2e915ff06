package org.exhunt.yara;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.syntax.Position;
import org.exhunt.yara.syntax.StringDef;

/**
 * A rule's strings, by identifier, with a mark on each one the condition uses. YARA rejects a
 * rule whose condition leaves a string unused, and one that names a string it does not define.
 */
final class StringTable {

    private final List<StringDef> all;
    private final Map<String, StringDef> byId = new HashMap<>();
    private final boolean[] used;

    StringTable(List<StringDef> strings) {
        this.all = strings;
        this.used = new boolean[strings.size()];
        for (StringDef s : strings) {
            if (!s.isAnonymous() && byId.putIfAbsent(s.id(), s) != null) {
                throw ConditionChecker.fail(s.pos(), "duplicated string identifier \"" + s.id() + "\"");
            }
        }
    }

    /** A reference to one string; {@code $} (the loop's current string) only inside {@code for ... of}. */
    void reference(String id, Position pos, boolean inForOf) {
        if (id.equals("$")) {
            if (!inForOf) {
                throw ConditionChecker.fail(pos, "wrong use of anonymous string: \"$\", \"#\", \"@\" and \"!\" alone "
                        + "only mean something inside \"for ... of\"");
            }
            return;
        }
        if (!byId.containsKey(id)) {
            throw ConditionChecker.fail(pos, "undefined string \"" + id + "\"");
        }
        mark(s -> s.id().equals(id));
    }

    void referenceAll(Position pos) {
        if (all.isEmpty()) {
            throw ConditionChecker.fail(pos, "\"them\" used in a rule without strings");
        }
        mark(s -> true);
    }

    /** {@code $a}, {@code $a*} (every string whose name starts with {@code $a}) or {@code $*}. */
    void referenceSetMember(String pattern, Position pos) {
        boolean found;
        if (pattern.endsWith("*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            found = mark(s -> s.id().startsWith(prefix));
        } else {
            found = mark(s -> s.id().equals(pattern));
        }
        if (!found) {
            throw ConditionChecker.fail(pos, "undefined string \"" + pattern + "\"");
        }
    }

    /** The strings nothing in the condition uses, in definition order. */
    List<StringDef> unreferenced() {
        List<StringDef> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!used[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    private boolean mark(java.util.function.Predicate<StringDef> which) {
        boolean any = false;
        for (int i = 0; i < all.size(); i++) {
            if (which.test(all.get(i))) {
                used[i] = true;
                any = true;
            }
        }
        return any;
    }
}
