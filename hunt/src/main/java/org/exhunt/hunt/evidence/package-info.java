/**
 * Finding the evidence: {@link org.exhunt.hunt.evidence.Discovery} walks files, folders, zip
 * and gzip archives (nested, within {@link org.exhunt.hunt.evidence.EvidenceLimits}) and tells
 * by content what each file is. Nothing under a scanned path is ever written.
 */
package org.exhunt.hunt.evidence;
