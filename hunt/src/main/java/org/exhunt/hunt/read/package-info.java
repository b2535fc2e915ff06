/**
 * Reading events out of evidence files: {@link org.exhunt.hunt.read.Readers#forKind} gives the
 * {@link org.exhunt.hunt.read.EventReader} for a file's kind; a read ends in a
 * {@link org.exhunt.hunt.read.ReadResult}, never in an exception for bad content.
 */
package org.exhunt.hunt.read;
