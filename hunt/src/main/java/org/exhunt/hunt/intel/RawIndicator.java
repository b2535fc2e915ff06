package org.exhunt.hunt.intel;

/**
 * A value as a feed reader found it, before normalisation.
 *
 * @param where a human-readable place in the feed ({@code line 12}, {@code objects[3] indicator--…})
 *              used in problems about this value
 */
record RawIndicator(Kind kind, String value, String description, String reference, int line, String where) {
}
