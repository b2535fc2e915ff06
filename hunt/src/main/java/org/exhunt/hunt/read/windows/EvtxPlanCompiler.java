package org.exhunt.hunt.read.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.exhunt.evtx.EvtxTemplate;
import org.exhunt.evtx.EvtxText;
import org.exhunt.evtx.EvtxValue;

/**
 * Works out, from a template's shape and the types of a record's substitution values, the
 * builder calls {@link EvtxEvents} would make walking the element tree of such a record. It
 * follows the same walk (System children and attributes, EventData by {@code Name}, unnamed
 * Data, UserData leaves) over the template instead of the tree, reproducing how instantiation
 * places values: a null value drops its attribute or optional content, handles leave nothing, and
 * a nested BinXML value (Windows passes EventData and UserData that way) puts its own template's
 * content in its place. Whatever would make a field's name or value depend on more than one
 * value (joined text, a substituted {@code Name}, BinXML nested twice or used as text) is not
 * expressed: such records take the tree path.
 */
final class EvtxPlanCompiler {

    private static final int NULL_TYPE = 0x00;
    private static final int EVT_HANDLE = 0x20;
    private static final int EVT_XML = 0x23;
    /** Content of a non-optional substitution whose value is null: an empty value of its own. */
    private static final Object NULL_TEXT = new Object();

    private final EvtxPlan.Signature signature;
    /** The shapes of the templates nested values instantiate. */
    private final Function<EvtxTemplate, TemplateShape> shapes;
    private final List<EvtxPlan.Step> steps = new ArrayList<>();

    /** An element of the template ({@code frame} -1) or of the template of nested value {@code frame}. */
    private record Placed(TemplateShape shape, int frame) {
        String name() {
            return shape.name;
        }
    }

    /** A substitution value in content: value {@code index} of the record ({@code frame} -1) or of its nested value {@code frame}. */
    private record Ref(int frame, int index) {
    }

    /** Thrown inside the compiler where the plan cannot express the record. */
    private static final class Unexpressible extends RuntimeException {
        Unexpressible() {
            super(null, null, false, false);
        }
    }

    private EvtxPlanCompiler(EvtxPlan.Signature signature, Function<EvtxTemplate, TemplateShape> shapes) {
        this.signature = signature;
        this.shapes = shapes;
    }

    static EvtxPlan compile(TemplateShape top, EvtxPlan.Signature signature, Function<EvtxTemplate, TemplateShape> shapes) {
        int[] types = signature.types();
        for (int i = 0; i < types.length; i++) {
            if ((types[i] & 0x7F) != EvtxPlan.NESTED) continue;
            if (types[i] != EvtxPlan.NESTED || signature.nested()[i] == null) return EvtxPlan.treePath(signature);
            for (int inner : signature.nestedTypes()[i]) {
                if ((inner & 0x7F) == EvtxPlan.NESTED) return EvtxPlan.treePath(signature);
            }
        }
        try {
            return new EvtxPlanCompiler(signature, shapes).plan(top);
        } catch (Unexpressible e) {
            return EvtxPlan.treePath(signature);
        }
    }

    private EvtxPlan plan(TemplateShape top) {
        Placed root = null;
        for (Object o : expand(top.content, -1)) {
            if (o instanceof Placed e) {
                root = e;
                break;
            }
        }
        if (root == null) throw new Unexpressible();
        for (Placed section : elements(root)) {
            switch (section.name()) {
                case "System" -> system(section);
                case "EventData" -> eventData(section);
                case "UserData" -> leaves(section);
                default -> { } // not part of the event, as in EvtxEvents
            }
        }
        Placed system = child(root, "System");
        Placed created = system == null ? null : child(system, "TimeCreated");
        TemplateShape.Attribute time = created == null ? null : attribute(created, "SystemTime");
        if (time == null) return EvtxPlan.of(signature, steps, -1, -1, null);
        if (time.literal() != null) return EvtxPlan.of(signature, steps, -1, -1, time.literal());
        return EvtxPlan.of(signature, steps, created.frame(), time.index(), null);
    }

    private void system(Placed system) {
        for (Placed e : elements(system)) {
            List<TemplateShape.Attribute> present = present(e);
            for (TemplateShape.Attribute a : present) {
                if (a.literal() != null) {
                    add(EvtxPlan.SYSTEM_ATTRIBUTE, e.name(), a.name(), -1, -1, EvtxEvents.value(a.literal()), false);
                } else {
                    add(EvtxPlan.SYSTEM_ATTRIBUTE, e.name(), a.name(), e.frame(), a.index(), null, false);
                }
            }
            content(EvtxPlan.SYSTEM, e.name(), e, present.isEmpty());
        }
    }

    private void eventData(Placed data) {
        for (Placed e : elements(data)) {
            if (e.name().equals("Data")) {
                TemplateShape.Attribute name = attribute(e, "Name");
                if (name == null) {
                    unnamed(e);
                } else if (name.literal() != null) {
                    content(EvtxPlan.DATA, name.literal().text(), e, false);
                } else {
                    throw new Unexpressible(); // the field's name would come from the record
                }
            } else if (hasElements(e)) {
                leaves(e);
            } else {
                content(EvtxPlan.DATA, e.name(), e, false);
            }
        }
    }

    private void leaves(Placed parent) {
        for (Placed e : elements(parent)) {
            if (hasElements(e)) leaves(e);
            else content(EvtxPlan.DATA, e.name(), e, false);
        }
    }

    /** A step whose value is the element's content as {@code EvtxEvents.content} gives it. */
    private void content(int kind, String name, Placed e, boolean evenNull) {
        List<Object> items = expand(e.shape().content, e.frame());
        if (items.size() == 1) {
            Object only = items.get(0);
            if (only instanceof EvtxText t && t.kind() == EvtxText.Kind.VALUE) {
                add(kind, name, null, -1, -1, EvtxEvents.value(t.value()), evenNull);
                return;
            }
            if (only == NULL_TEXT) {
                add(kind, name, null, -1, -1, null, evenNull);
                return;
            }
            if (only instanceof Ref r) {
                add(kind, name, null, r.frame(), r.index(), null, evenNull);
                return;
            }
        }
        String text = fixedText(items);
        add(kind, name, null, -1, -1, text.isEmpty() ? null : text, evenNull);
    }

    /** An unnamed Data element: one item, or one per array element when its one value is an array. */
    private void unnamed(Placed e) {
        List<Object> items = expand(e.shape().content, e.frame());
        if (items.size() == 1) {
            Object only = items.get(0);
            if (only instanceof EvtxText t && t.kind() == EvtxText.Kind.VALUE) {
                if (t.value().isArray()) throw new Unexpressible(); // literal values are never arrays
                add(EvtxPlan.UNNAMED_DATA, "Data", null, -1, -1, t.value().text(), false);
                return;
            }
            if (only == NULL_TEXT) {
                add(EvtxPlan.UNNAMED_DATA, "Data", null, -1, -1, "", false);
                return;
            }
            if (only instanceof Ref r) {
                add(EvtxPlan.UNNAMED_DATA, "Data", null, r.frame(), r.index(), null, false);
                return;
            }
        }
        add(EvtxPlan.UNNAMED_DATA, "Data", null, -1, -1, fixedText(items), false);
    }

    /** The element's character content when it holds no substitution value. */
    private static String fixedText(List<Object> items) {
        StringBuilder sb = new StringBuilder();
        for (Object o : items) {
            if (o instanceof EvtxText t) sb.append(t.text());
            else if (o instanceof Ref) throw new Unexpressible(); // text joined with a value
        }
        return sb.toString();
    }

    /**
     * Content items as instantiation with values of the signature's types leaves them:
     * {@link Placed} elements, literal {@link EvtxText}, {@link #NULL_TEXT} and {@link Ref}s.
     */
    private List<Object> expand(List<Object> content, int frame) {
        List<Object> out = new ArrayList<>(content.size());
        expand(content, frame, out);
        return out;
    }

    private void expand(List<Object> content, int frame, List<Object> out) {
        for (Object o : content) {
            if (o instanceof TemplateShape s) {
                out.add(new Placed(s, frame));
            } else if (o instanceof TemplateShape.Slot s) {
                int type = type(frame, s.index());
                int base = type & 0x7F;
                if (base == NULL_TYPE) {
                    if (!s.optional()) out.add(NULL_TEXT);
                } else if (type == EvtxPlan.NESTED) {
                    // only values of the record itself nest (compile checked); theirs are plain
                    expand(shapes.apply(signature.nested()[s.index()]).content, s.index(), out);
                } else if (base != EVT_HANDLE && base != EVT_XML) {
                    out.add(new Ref(frame, s.index()));
                }
            } else {
                out.add(o);
            }
        }
    }

    private List<Placed> elements(Placed e) {
        List<Placed> out = new ArrayList<>();
        for (Object o : expand(e.shape().content, e.frame())) {
            if (o instanceof Placed p) out.add(p);
        }
        return out;
    }

    private Placed child(Placed e, String name) {
        for (Placed p : elements(e)) {
            if (p.name().equals(name)) return p;
        }
        return null;
    }

    private boolean hasElements(Placed e) {
        return !elements(e).isEmpty();
    }

    /** The attributes instantiation keeps: literals, and substitutions whose value is not null. */
    private List<TemplateShape.Attribute> present(Placed e) {
        List<TemplateShape.Attribute> out = new ArrayList<>(e.shape().attributes.size());
        for (TemplateShape.Attribute a : e.shape().attributes) {
            if (kept(a, e.frame())) out.add(a);
        }
        return out;
    }

    /** The first kept attribute of that name, as {@code EvtxElement.attribute} finds it; null when none. */
    private TemplateShape.Attribute attribute(Placed e, String name) {
        for (TemplateShape.Attribute a : e.shape().attributes) {
            if (a.name().equals(name) && kept(a, e.frame())) return a;
        }
        return null;
    }

    private boolean kept(TemplateShape.Attribute a, int frame) {
        if (a.joined()) throw new Unexpressible(); // whether it is kept, and its text, depend on the values
        if (a.literal() != null) return !a.literal().isNull();
        int type = type(frame, a.index());
        if ((type & 0x7F) == EvtxPlan.NESTED) throw new Unexpressible(); // nested XML as attribute text
        return (type & 0x7F) != NULL_TYPE;
    }

    /** A value's type code, null for an index past the values (as instantiation treats it). */
    private int type(int frame, int index) {
        int[] types = frame < 0 ? signature.types() : signature.nestedTypes()[frame];
        return index < types.length ? types[index] : NULL_TYPE;
    }

    private void add(int kind, String name, String attribute, int frame, int slot, Object constant, boolean evenNull) {
        steps.add(new EvtxPlan.Step(kind, name, attribute, frame, slot, constant, evenNull));
    }
}
