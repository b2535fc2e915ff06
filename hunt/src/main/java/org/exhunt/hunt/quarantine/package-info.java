/**
 * Containment that loses nothing: {@link org.exhunt.hunt.quarantine.Quarantine} copies the files a
 * scan report names as web shells or dropped tools into a quarantine folder (verified,
 * content-addressed copies and a chain-of-custody manifest), removing the originals only when
 * asked and only once their copies are safe; {@link org.exhunt.hunt.quarantine.Restore} puts them
 * back. A checksummed write-ahead journal lets the next run finish or roll back whatever an
 * interrupted one left half done. docs/quarantine.md describes the folder, the manifest and the
 * guarantees.
 */
package org.exhunt.hunt.quarantine;
