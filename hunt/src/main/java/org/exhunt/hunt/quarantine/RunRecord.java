package org.exhunt.hunt.quarantine;

/** One run of quarantine or restore over a folder: who ran what, when, from which report. */
record RunRecord(String command, String started, String user, String host, String toolVersion,
                 String report, String reportSha256, boolean remove, String restoreRoot) { }
