package org.exhunt.hunt.quarantine;

import java.util.ArrayList;
import java.util.List;

/**
 * One file in the manifest: where it was, what it was (digest, size, times as the file system
 * gave them before it was read), which findings named it, and where it stands now. A file whose
 * content changed between two runs gets a second record: each record is one content.
 */
final class FileRecord {

    String originalPath;
    String reportedPath;
    String sha256;
    long size;
    String modified;
    String created;
    String accessed;
    /** POSIX permissions such as {@code rw-r--r--}, or null where the file system has none. */
    String permissions;
    final List<FindingRef> findings = new ArrayList<>();
    FileState state;
    String quarantined;
    String removed;
    String restored;
    String restoredTo;
    final List<String> notes = new ArrayList<>();

    /** The content's name inside the quarantine folder. */
    String stored() {
        return "files/" + sha256;
    }

    boolean is(String path, String digest) {
        return originalPath.equals(path) && sha256.equals(digest);
    }

    void addFindings(List<FindingRef> more) {
        for (FindingRef f : more) if (!findings.contains(f)) findings.add(f);
    }
}
