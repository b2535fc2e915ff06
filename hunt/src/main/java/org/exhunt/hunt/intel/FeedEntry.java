package org.exhunt.hunt.intel;

import org.exhunt.hunt.ioc.IocType;

/**
 * One usable indicator of a feed, normalised the way exhunt's own lists are.
 *
 * @param type        what the value is
 * @param value       the value in canonical form
 * @param description the feed's words about it; may be empty
 * @param reference   where it was published, when the feed says; may be empty
 * @param line        1-based line of the feed it came from, 0 for JSON feeds (see {@code where} in problems)
 */
public record FeedEntry(IocType type, String value, String description, String reference, int line) {
}
