package org.exhunt.hunt.ioc;

/**
 * One indicator of compromise from an IOC list.
 *
 * @param type        what the value is
 * @param value       the value in canonical form (addresses normalised, paths with {@code /})
 * @param description why it matters, in the list author's words; may be empty
 * @param reference   where it was published; may be empty
 * @param list        the list it belongs to
 * @param line        1-based line of the list file it was read from
 */
public record Ioc(IocType type, String value, String description, String reference, IocList list, int line) {
}
