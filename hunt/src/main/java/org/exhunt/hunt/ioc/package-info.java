/**
 * Indicators of compromise: line-based IOC lists ({@link org.exhunt.hunt.ioc.IocSet}) and the
 * matcher that checks every log event against them ({@link org.exhunt.hunt.ioc.IocMatcher}).
 * The file format is described in docs/rules.md.
 */
package org.exhunt.hunt.ioc;
