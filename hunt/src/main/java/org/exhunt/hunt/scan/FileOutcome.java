package org.exhunt.hunt.scan;

import java.util.List;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.report.FileCoverage;

/** What reading one evidence file gave: its coverage line and its findings, in file order. */
record FileOutcome(FileCoverage coverage, List<Finding> findings, long bytes) {
}
