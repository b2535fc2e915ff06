/**
 * Third-party indicator feeds (STIX 2.1 bundles, MISP events, MSTIC and Volexity CSV, CHIRP YAML,
 * signature-base lists, plain lists, exhunt's own lists) turned into {@link org.exhunt.hunt.ioc.IocSet}s.
 * A feed is recognised by its content, never by its file name; whatever a feed holds that exhunt
 * cannot match is counted in the feed's problems rather than dropped. See docs/rules.md,
 * "Indicator feeds".
 */
package org.exhunt.hunt.intel;
