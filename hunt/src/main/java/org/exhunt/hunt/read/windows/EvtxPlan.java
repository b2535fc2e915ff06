package org.exhunt.hunt.read.windows;

import java.time.Instant;
import java.util.List;
import org.exhunt.evtx.EvtxRecord;
import org.exhunt.evtx.EvtxTemplate;
import org.exhunt.evtx.EvtxValue;
import org.exhunt.hunt.event.SourceRef;

/**
 * How to flatten the records of one EVTX template whose substitution values have given types:
 * the {@link WindowsEventBuilder} calls {@link EvtxEvents} would make for such a record, in the
 * same order, each with its name fixed and its value either fixed or taken from one substitution
 * value. Running it gives the very event the element tree gives, without building the tree.
 *
 * <p>The value types, and the templates and value types of nested BinXML values (Windows passes
 * EventData and UserData that way), are part of the key because they decide the tree's shape: a
 * null value drops an attribute or an optional element content, a handle leaves nothing, nested
 * BinXML puts its own elements in place. Immutable, so shared by reader threads.
 */
final class EvtxPlan {

    static final int SYSTEM_ATTRIBUTE = 0;
    static final int SYSTEM = 1;
    static final int DATA = 2;
    static final int UNNAMED_DATA = 3;

    /** Type code (array bit included) of each substitution value the plan was made for. */
    private final int[] signature;
    /**
     * For each value that is nested BinXML: the template it instantiates (null: none) and the
     * type codes of its own values; null entries elsewhere.
     */
    private final EvtxTemplate[] nested;
    private final int[][] nestedSignatures;
    /** False when the tree path must flatten such records; the rest is then unused. */
    private final boolean expressible;
    private final int[] kinds;
    private final String[] names;
    /** The field's folded hash, and its name without spaces (null when it has none) with that one's hash. */
    private final int[] hashes;
    private final String[] aliases;
    private final int[] aliasHashes;
    /** The substitution value a step takes, or -1 when its value is {@link #constants fixed}. */
    private final int[] slots;
    /** -1 when {@link #slots} counts the record's values, else the record's nested value whose values it counts. */
    private final int[] frames;
    private final Object[] constants;
    /** For {@link #SYSTEM}: set the field even when its value is null (the element has no attributes). */
    private final boolean[] evenNull;
    /** Where TimeCreated's SystemTime comes from: a substitution value (frame and slot as for steps), a literal, or neither (-1, null: the record header). */
    private final int timeSlot;
    private final int timeFrame;
    private final EvtxValue timeLiteral;

    private EvtxPlan(Signature signature, boolean expressible, List<Step> steps, int timeFrame, int timeSlot, EvtxValue timeLiteral) {
        this.signature = signature.types();
        this.nested = signature.nested();
        this.nestedSignatures = signature.nestedTypes();
        this.expressible = expressible;
        int n = steps.size();
        kinds = new int[n];
        names = new String[n];
        hashes = new int[n];
        aliases = new String[n];
        aliasHashes = new int[n];
        slots = new int[n];
        frames = new int[n];
        constants = new Object[n];
        evenNull = new boolean[n];
        for (int i = 0; i < n; i++) {
            Step s = steps.get(i);
            kinds[i] = s.kind();
            // the names WindowsEventBuilder gives these fields, interned as the rule engine interns
            // the names it asks for: a lookup then finds the name by identity
            String name = (s.kind() == SYSTEM_ATTRIBUTE ? s.name() + "_" + s.attribute() : s.name()).intern();
            names[i] = name;
            hashes[i] = FieldTable.foldHash(name);
            if (s.kind() == DATA && name.indexOf(' ') >= 0) {
                aliases[i] = name.replace(" ", "").intern();
                aliasHashes[i] = FieldTable.foldHash(aliases[i]);
            }
            slots[i] = s.slot();
            frames[i] = s.frame();
            constants[i] = s.constant();
            evenNull[i] = s.evenNull();
        }
        this.timeSlot = timeSlot;
        this.timeFrame = timeFrame;
        this.timeLiteral = timeLiteral;
    }

    /** One builder call: its kind, names, and where its value comes from ({@code frame}, {@code slot}) or what it is. */
    record Step(int kind, String name, String attribute, int frame, int slot, Object constant, boolean evenNull) {
    }

    /** The value types of a record, and the templates and value types of its nested BinXML values. */
    record Signature(int[] types, EvtxTemplate[] nested, int[][] nestedTypes) {
    }

    static EvtxPlan of(Signature signature, List<Step> steps, int timeFrame, int timeSlot, EvtxValue timeLiteral) {
        return new EvtxPlan(signature, true, steps, timeFrame, timeSlot, timeLiteral);
    }

    /** A plan that sends records with these value types down the tree path. */
    static EvtxPlan treePath(Signature signature) {
        return new EvtxPlan(signature, false, List.of(), -1, -1, null);
    }

    boolean expressible() {
        return expressible;
    }

    /** The signature of a record's values: each value's type code with the array bit, and what nests in them. */
    static Signature signatureOf(EvtxRecord r) {
        int[] s = new int[r.substitutionCount()];
        EvtxTemplate[] nested = new EvtxTemplate[s.length];
        int[][] nestedTypes = new int[s.length][];
        for (int i = 0; i < s.length; i++) {
            EvtxValue v = r.substitution(i);
            s[i] = code(v);
            if (s[i] != NESTED) continue;
            nested[i] = v.template();
            nestedTypes[i] = new int[v.substitutionCount()];
            for (int j = 0; j < nestedTypes[i].length; j++) nestedTypes[i][j] = code(v.substitution(j));
        }
        return new Signature(s, nested, nestedTypes);
    }

    /** The type code of a single nested BinXML value. */
    static final int NESTED = 0x21;

    static int code(EvtxValue v) {
        return v.type().code() | (v.isArray() ? 0x80 : 0);
    }

    /** Whether the record's values have the types this plan was made for. */
    boolean fits(EvtxRecord r) {
        int[] s = signature;
        if (r.substitutionCount() != s.length) return false;
        for (int i = 0; i < s.length; i++) {
            EvtxValue v = r.substitution(i);
            if (code(v) != s[i]) return false;
            if (s[i] == NESTED && !nestedFits(i, v)) return false;
        }
        return true;
    }

    private boolean nestedFits(int i, EvtxValue v) {
        if (v.template() != nested[i]) return false;
        int[] s = nestedSignatures[i];
        if (v.substitutionCount() != s.length) return false;
        for (int j = 0; j < s.length; j++) {
            if (code(v.substitution(j)) != s[j]) return false;
        }
        return true;
    }

    private static EvtxValue valueAt(EvtxRecord r, int frame, int slot) {
        return frame < 0 ? r.substitution(slot) : r.substitution(frame).substitution(slot);
    }

    WindowsEvent run(WindowsEventBuilder b, EvtxRecord r, SourceRef source) {
        b.begin();
        int[] k = kinds;
        for (int i = 0; i < k.length; i++) {
            int slot = slots[i];
            if (k[i] == UNNAMED_DATA) {
                if (slot < 0) b.unnamedData((String) constants[i]);
                else unnamed(b, valueAt(r, frames[i], slot));
                continue;
            }
            Object v = slot < 0 ? constants[i] : EvtxEvents.value(valueAt(r, frames[i], slot));
            if (k[i] == SYSTEM && v == null && !evenNull[i]) continue;
            b.field(names[i], hashes[i], v, aliases[i], aliasHashes[i]);
        }
        EvtxValue time = timeSlot >= 0 ? valueAt(r, timeFrame, timeSlot) : timeLiteral;
        b.timestamp(time == null ? r.timestamp() : systemTime(time, r.timestamp()));
        return b.finish(source);
    }

    /** As {@link EvtxEvents} does for an unnamed {@code <Data>} whose content is this one value. */
    private static void unnamed(WindowsEventBuilder b, EvtxValue v) {
        if (v.isArray() && !v.isNull()) {
            List<EvtxValue> items = v.elements();
            for (int j = 0, n = items.size(); j < n; j++) b.unnamedData(items.get(j).text());
        } else {
            b.unnamedData(v.text());
        }
    }

    /** As {@link EvtxRecord#systemTime()} reads the SystemTime attribute, falling back to the header time. */
    static Instant systemTime(EvtxValue a, Instant header) {
        Instant i = a.asInstant();
        if (i != null) return i;
        try {
            return Instant.parse(a.text());
        } catch (java.time.format.DateTimeParseException ignored) {
            return header;
        }
    }
}
