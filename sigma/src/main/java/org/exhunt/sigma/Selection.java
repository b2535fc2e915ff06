package org.exhunt.sigma;

import java.util.List;

/**
 * One search identifier's body, normalised: an OR of alternatives, each alternative an AND of
 * items. A map is one alternative; a list of maps is several; a list of plain values is one
 * keyword item.
 */
record Selection(String identifier, int line, List<List<DetectionItem>> alternatives) {
    Selection {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }
}
