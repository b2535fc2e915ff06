package org.exhunt.hunt.attack;

import java.util.List;

/**
 * How much a chain's techniques overlap a known group's profile in ATT&CK. This is similarity,
 * never attribution: many groups share the same handful of techniques against Exchange.
 *
 * @param groupId  the ATT&CK group id, e.g. {@code G0125}
 * @param group    the group's name as ATT&CK gives it, e.g. {@code HAFNIUM}
 * @param score    the overlap, from 0 (nothing shared) to 1
 * @param shared   the ATT&CK technique ids both use ({@code T1505.003}, …), sorted
 */
public record Resemblance(String groupId, String group, double score, List<String> shared) {
    public Resemblance {
        shared = List.copyOf(shared);
    }
}
