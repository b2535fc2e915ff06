package org.exhunt.server.store;

/** A stored scan with the report JSON as it was uploaded. */
public record StoredScan(ScanSummary summary, String report) {
}
