package org.exhunt.server.store;

/** A server of the fleet: its newest scan and how many scans it has. */
public record ServerSummary(String host, ScanSummary latest, int scans) {
}
