package org.exhunt.sigma;

import java.util.List;
import java.util.Map;

/**
 * One Sigma detection rule as it was written: its metadata, its logsource and (inside the
 * package) its detection. Immutable. Values such as {@code level} and {@code status} are kept
 * exactly as the author wrote them; interpreting them is the caller's business.
 */
public final class SigmaRule {

    private final String id;
    private final String name;
    private final String title;
    private final String status;
    private final String level;
    private final String description;
    private final String author;
    private final String date;
    private final String modified;
    private final List<String> tags;
    private final List<String> references;
    private final List<String> falsePositives;
    private final List<String> fields;
    private final Logsource logsource;
    private final String source;
    private final int line;
    private final Map<String, Object> custom;
    private final Detection detection;

    SigmaRule(RuleHeader header, Logsource logsource, Detection detection) {
        this.id = header.id;
        this.name = header.name;
        this.title = header.title;
        this.status = header.status;
        this.level = header.level;
        this.description = header.description;
        this.author = header.author;
        this.date = header.date;
        this.modified = header.modified;
        this.tags = List.copyOf(header.tags);
        this.references = List.copyOf(header.references);
        this.falsePositives = List.copyOf(header.falsePositives);
        this.fields = List.copyOf(header.fields);
        this.custom = header.custom;
        this.source = header.source;
        this.line = header.line;
        this.logsource = logsource;
        this.detection = detection;
    }

    /** The rule's {@code id:}, or {@code null} when it has none. */
    public String id() { return id; }

    /** The rule's {@code name:} (what correlations refer to), or {@code null}. */
    public String name() { return name; }

    public String title() { return title; }

    /** As written, e.g. {@code test}, {@code experimental}; {@code null} when absent. */
    public String status() { return status; }

    /** As written, e.g. {@code high}; {@code null} when absent. */
    public String level() { return level; }

    public String description() { return description; }

    public String author() { return author; }

    /** As written in the rule (usually {@code YYYY-MM-DD}), or {@code null}. */
    public String date() { return date; }

    public String modified() { return modified; }

    public List<String> tags() { return tags; }

    public List<String> references() { return references; }

    public List<String> falsePositives() { return falsePositives; }

    /** The rule's {@code fields:} list: what an analyst should look at. */
    public List<String> fields() { return fields; }

    public Logsource logsource() { return logsource; }

    /** The file (or named text) the rule came from. */
    public String source() { return source; }

    /** The 1-based line of the rule's first key in {@link #source()}. */
    public int line() { return line; }

    /** Every top-level attribute this class has no accessor for, as YAML gave it. */
    public Map<String, Object> custom() { return custom; }

    Detection detection() { return detection; }

    @Override
    public String toString() {
        return (id == null ? "" : id + " ") + "'" + title + "' (" + source + ":" + line + ")";
    }
}
