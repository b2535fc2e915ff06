package org.exhunt.hunt.read.windows;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.exhunt.evtx.EvtxRecord;
import org.exhunt.evtx.EvtxTemplate;
import org.exhunt.hunt.event.SourceRef;

/**
 * Flattens EVTX records into Windows events by the plan of their template ({@link EvtxPlan}),
 * and by their element tree ({@link EvtxEvents}, the reference) when a record is not a template
 * instance or its plan cannot express it. Plans are made once per template and value types and
 * shared by all reader threads: the same few hundred templates recur in every log.
 */
final class EvtxPlans {

    /** Bounds the memory against scans of endlessly many distinct templates; past it, all is forgotten and relearnt. */
    private static final int MAX_TEMPLATES = 8192;
    /** Distinct value-type signatures kept per template; records of further ones take the tree path. */
    private static final int MAX_SIGNATURES = 64;

    private static final ConcurrentHashMap<EvtxTemplate, Known> KNOWN = new ConcurrentHashMap<>();

    /** A template's shape and the plans made for it so far (replaced whole, never changed in place). */
    private static final class Known {
        final TemplateShape shape;
        volatile EvtxPlan[] plans = new EvtxPlan[0];

        Known(TemplateShape shape) {
            this.shape = shape;
        }
    }

    private EvtxPlans() {
    }

    static WindowsEvent fill(WindowsEventBuilder b, EvtxRecord record, SourceRef source) {
        EvtxPlan plan = planFor(record);
        return plan == null ? EvtxEvents.fill(b, record, source) : plan.run(b, record, source);
    }

    /** The shape of a template, read once. */
    private static TemplateShape shape(EvtxTemplate template) {
        Known known = KNOWN.get(template);
        return known != null ? known.shape : known(template).shape;
    }

    private static Known known(EvtxTemplate template) {
        if (KNOWN.size() >= MAX_TEMPLATES) KNOWN.clear();
        return KNOWN.computeIfAbsent(template, t -> new Known(TemplateShape.of(t)));
    }

    /** The plan for a record, or null when the record takes the tree path. */
    static EvtxPlan planFor(EvtxRecord record) {
        EvtxTemplate template = record.template();
        if (template == null) return null;
        Known known = KNOWN.get(template);
        if (known == null) known = known(template);
        EvtxPlan[] plans = known.plans;
        for (int i = 0; i < plans.length; i++) {
            if (plans[i].fits(record)) return plans[i].expressible() ? plans[i] : null;
        }
        synchronized (known) {
            plans = known.plans;
            for (EvtxPlan p : plans) {
                if (p.fits(record)) return p.expressible() ? p : null;
            }
            if (plans.length >= MAX_SIGNATURES) return null;
            EvtxPlan made = EvtxPlanCompiler.compile(known.shape, EvtxPlan.signatureOf(record), EvtxPlans::shape);
            EvtxPlan[] more = Arrays.copyOf(plans, plans.length + 1);
            more[plans.length] = made;
            known.plans = more;
            return made.expressible() ? made : null;
        }
    }
}
