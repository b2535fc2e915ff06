package org.exhunt.hunt.attack;

import java.util.List;

/** One ATT&CK technique or sub-technique: canonical id, name, and the tactics (short names) it serves. */
record Technique(String id, String name, List<String> tactics) {
    Technique {
        tactics = List.copyOf(tactics);
    }
}
