/**
 * The web-file sweep: every evidence file a web server could execute, or that lies in an
 * Exchange or IIS web folder, is read whole (up to a size cap) and checked with YARA rules (ours
 * and the user's) and against the published web-shell hashes. A match is a finding of engine
 * {@code yara} or {@code ioc} on the file itself.
 */
package org.exhunt.hunt.sweep;
