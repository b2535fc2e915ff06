package org.exhunt.hunt.quarantine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Where things are: the quarantine folder against the evidence, and paths under a restore root. */
final class Places {

    private Places() {
    }

    /**
     * Refuses a quarantine folder inside the evidence: inside a folder the scan read, or inside a
     * folder holding a file to take. Quarantine never writes into the evidence it preserves, and a
     * later scan of that evidence would find the quarantined web shells again.
     */
    static void refuseInsideEvidence(Path qdir, ReportFiles.Selection sel) throws QuarantineException {
        Path q = canonical(qdir);
        for (Path root : sel.evidenceRoots()) {
            if (q.startsWith(canonical(root))) throw inside(qdir, root);
        }
        for (ReportFiles.Target t : sel.targets()) {
            if (t.path() == null || t.path().getParent() == null) continue;
            Path folder = t.path().getParent();
            if (q.startsWith(canonical(folder))) throw inside(qdir, folder);
        }
    }

    private static QuarantineException inside(Path qdir, Path evidence) {
        return new QuarantineException("the quarantine folder " + qdir + " is inside the evidence (" + evidence
                + "): quarantine never writes into the evidence it preserves, and a later scan would find"
                + " the quarantined files again; choose a folder outside it");
    }

    /** The real path of the nearest existing ancestor, with the rest of the path appended. */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Where a file goes under a restore root: its original path with the root (and a drive letter's
     * colon) dropped, and nothing that could climb out of the root ({@code ..}, empty parts).
     */
    static Path underRoot(Path root, String original) {
        String s = original.replace('\\', '/');
        StringBuilder rel = new StringBuilder();
        String[] parts = s.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".") || part.equals("..")) continue;
            if (i == 0 && part.length() == 2 && part.charAt(1) == ':' && Character.isLetter(part.charAt(0))) {
                part = part.substring(0, 1);
            }
            if (rel.length() > 0) rel.append('/');
            rel.append(part);
        }
        return root.toAbsolutePath().normalize().resolve(rel.toString());
    }

    /** The file's POSIX permissions as {@code rw-r--r--}, or null where the file system has none. */
    static String permissions(Path p) {
        PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (v == null) return null;
        try {
            return PosixFilePermissions.toString(v.readAttributes().permissions());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Makes a stored copy read-only where the file system lets us say so; evidence is not for editing. */
    static void makeReadOnly(Path p) throws IOException {
        PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (v != null) v.setPermissions(PosixFilePermissions.fromString("r--r--r--"));
    }
}
