package org.exhunt.yara;

import java.util.List;
import org.exhunt.yara.syntax.Meta;

/**
 * A rule that matched (or, when asked for, one that did not), with its tags, metadata and the
 * matches of its non-private strings in definition order, each string's matches by offset.
 */
public record YaraMatch(String rule, List<String> tags, List<Meta> meta, List<MatchedString> strings) {

    public YaraMatch {
        tags = List.copyOf(tags);
        meta = List.copyOf(meta);
        strings = List.copyOf(strings);
    }

    /** The value of a metadata key (String, Long or Boolean), or null when the rule has none. */
    public Object metaValue(String key) {
        for (Meta m : meta) {
            if (m.key().equals(key)) {
                return m.value();
            }
        }
        return null;
    }
}
