/**
 * The byte-level machinery the text-log readers share: line splitting over one reusable buffer,
 * lazily decoded events, timestamp parsing, warning tallies. Public only so that the reader
 * packages can use it; not an API for other parts of exhunt.
 */
package org.exhunt.hunt.read.line;
