package org.exhunt.sigma;

import java.util.List;

import org.exhunt.sigma.value.ValueContext;

/** Gives value compilation the pipeline's placeholders and field mapping for one rule's logsource. */
final class PipelineValueContext implements ValueContext {

    private final Pipeline pipeline;
    private final Logsource logsource;

    PipelineValueContext(Pipeline pipeline, Logsource logsource) {
        this.pipeline = pipeline;
        this.logsource = logsource;
    }

    @Override
    public List<String> placeholder(String name) {
        return pipeline.placeholder(name);
    }

    /** A field mapped to several event fields refers to the first of them. */
    @Override
    public String mapField(String ruleField) {
        return pipeline.mapField(ruleField, logsource).get(0);
    }
}
