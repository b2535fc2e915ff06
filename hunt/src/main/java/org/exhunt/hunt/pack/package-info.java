/**
 * The rule pack that ships inside exhunt: Sigma rules, YARA rules, IOC lists, pipelines and the
 * Exchange build table, read from the jar (or the class folder during development).
 */
package org.exhunt.hunt.pack;
