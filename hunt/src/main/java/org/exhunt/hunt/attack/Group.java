package org.exhunt.hunt.attack;

import java.util.List;

/**
 * A group as ATT&CK profiles it.
 *
 * @param id         the group id, e.g. {@code G0125}
 * @param name       the name ATT&CK gives it, e.g. {@code HAFNIUM}
 * @param aliases    other names vendors use for it (the name itself left out), as ATT&CK lists them
 * @param techniques the techniques ATT&CK documents the group itself using: canonical ids, distinct, sorted
 */
public record Group(String id, String name, List<String> aliases, List<String> techniques) {
    public Group {
        aliases = List.copyOf(aliases);
        techniques = techniques.stream().distinct().sorted().toList();
    }
}
