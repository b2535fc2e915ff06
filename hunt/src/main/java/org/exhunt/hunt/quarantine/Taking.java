package org.exhunt.hunt.quarantine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One quarantine run over the files of a report, in batches: copy and verify each file of a
 * batch, make the manifest listing them durable, and only then (with removal asked for) delete
 * the originals that still hold the content that was copied. The order is the guarantee: an
 * original is never deleted unless its verified copy is already listed in a durable manifest.
 */
final class Taking {

    /**
     * A batch ends after this many files or this long, whichever comes first: the manifest is
     * written per batch, so the bound keeps what an interrupted run has to redo small.
     */
    private static final int BATCH = 16;
    private static final long BATCH_NANOS = 250_000_000L;

    private record Pending(ReportFiles.Target target, FileRecord record, boolean copiedNow) { }

    /** A file's place in the batch: its step when already known, else its copy waiting for the flush. */
    private record Slot(Step known, Pending pending) { }

    private final Path dir;
    private final Path files;
    private final Manifest manifest;
    private final Journal journal;
    private final Quarantine.Options options;
    private final Consumer<Step> record;
    private final Consumer<Path> beforeRemoving;
    /** The batch, in the report's order, so the steps come out in that order. */
    private final List<Slot> batch = new ArrayList<>();
    private int pendingCount;
    private long batchStart = System.nanoTime();

    Taking(Path dir, Manifest manifest, Journal journal, Quarantine.Options options, Consumer<Step> record,
           Consumer<Path> beforeRemoving) {
        this.beforeRemoving = beforeRemoving;
        this.dir = dir;
        this.files = dir.resolve("files");
        this.manifest = manifest;
        this.journal = journal;
        this.options = options;
        this.record = record;
    }

    void all(ReportFiles.Selection sel, Path report) throws IOException {
        manifest.runs.add(new RunRecord("quarantine", Times.now(), System.getProperty("user.name"), host(),
                options.toolVersion(), report.toString(), sel.reportSha256(), options.remove(), null));
        journal.append("run", "command", "quarantine", "report", report.toString(), "report_sha256", sel.reportSha256(),
                "remove", Boolean.toString(options.remove()));
        manifest.save(dir);
        for (ReportFiles.Target t : sel.targets()) {
            Step known = take(t);
            if (known != null) batch.add(new Slot(known, null));
            if (pendingCount >= BATCH || System.nanoTime() - batchStart > BATCH_NANOS) flush();
        }
        flush();
        journal.append("done", "command", "quarantine");
    }

    /** Copies one file in (or finds its copy already there); returns a step only when it cannot be taken. */
    private Step take(ReportFiles.Target t) {
        String why = whyNot(t, dir);
        if (why != null) return new Step(t.reported(), Action.SKIPPED, why);
        Path p = t.path();
        String key = p.toString();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            List<FileRecord> known = manifest.forPath(key);
            if (known.isEmpty()) return new Step(t.reported(), Action.SKIPPED, notFound(t, options.base()));
            FileRecord last = known.get(known.size() - 1);
            last.addFindings(t.findings());
            return new Step(t.reported(), Action.ALREADY, "in the quarantine as " + last.stored()
                    + (last.state == FileState.REMOVED ? "; the original was removed" : "; the original is no longer at its path"));
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return new Step(t.reported(), Action.SKIPPED, "not a regular file (a folder or a device)");
        }
        try {
            // Times are read before the file is: reading it may move its access time.
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String permissions = Places.permissions(p);
            // Hashing first finds a copy an earlier, interrupted run already made (perhaps not yet
            // listed): reading the original again is cheaper than copying and forcing it again.
            String current = Sha256.ofFile(p);
            FileRecord r = manifest.find(key, current);
            boolean haveCopy = Recovery.storedCopyVerifies(dir, current);
            String sha = haveCopy ? current : copyIn(p, key);
            // The file may have changed between the hash and the copy: the record is the copy's.
            if (r == null || !r.sha256.equals(sha)) r = manifest.find(key, sha);
            if (r == null) {
                r = new FileRecord();
                r.originalPath = key;
                r.reportedPath = t.reported();
                r.sha256 = sha;
                r.size = Files.size(files.resolve(sha));
                r.modified = Times.of(attrs.lastModifiedTime());
                r.created = Times.of(attrs.creationTime());
                r.accessed = Times.of(attrs.lastAccessTime());
                r.permissions = permissions;
                r.state = FileState.COPIED;
                r.quarantined = Times.now();
                manifest.files.add(r);
            } else if (r.state != FileState.COPIED) {
                // The original is at its path again: restored, or put back by someone else.
                r.notes.add(Times.now() + ": found at its path again after it had been " + r.state.word());
                r.state = FileState.COPIED;
            }
            r.addFindings(t.findings());
            batch.add(new Slot(null, new Pending(t, r, !haveCopy)));
            pendingCount++;
            return null;
        } catch (CopyNotVerified e) {
            return new Step(t.reported(), Action.FAILED, e.getMessage());
        } catch (IOException e) {
            return new Step(t.reported(), Action.FAILED, "cannot copy " + p + ": " + e);
        }
    }

    /** Copies into a temporary name, forces it, checks it by reading it back, then names it by its digest. */
    private String copyIn(Path p, String key) throws IOException {
        String tmpName = "files/" + UUID.randomUUID() + Recovery.COPY_SUFFIX;
        Path tmp = dir.resolve(tmpName);
        journal.append("copy", "path", key, "tmp", tmpName);
        String read = Durable.copyAndForce(p, tmp);
        String back = Sha256.ofFile(tmp);
        if (!read.equals(back)) {
            Files.deleteIfExists(tmp);
            journal.append("rolled-back", "of", "copy", "tmp", tmpName, "path", key);
            throw new CopyNotVerified("the copy of " + p + " did not verify (read " + read + ", stored " + back
                    + "); the quarantine folder's storage may be failing");
        }
        Places.makeReadOnly(tmp);
        Path fin = files.resolve(read);
        if (Files.isRegularFile(fin, LinkOption.NOFOLLOW_LINKS) && read.equals(Sha256.ofFile(fin))) {
            Files.delete(tmp);
        } else {
            Durable.moveAtomically(tmp, fin);
        }
        Durable.forceFolder(files);
        journal.append("stored", "path", key, "sha256", read, "tmp", tmpName);
        return read;
    }

    /** Lists the batch durably, then removes its originals when asked. */
    private void flush() throws IOException {
        batchStart = System.nanoTime();
        if (batch.isEmpty()) return;
        if (pendingCount > 0) manifest.save(dir);
        List<Step> done = new ArrayList<>();
        for (Slot slot : batch) {
            Pending p = slot.pending();
            if (p == null) {
                done.add(slot.known());
            } else if (!options.remove()) {
                done.add(new Step(p.target().reported(), p.copiedNow() ? Action.COPIED : Action.ALREADY,
                        "as " + p.record().stored() + ", named by " + findingsText(p.target().findings())));
            } else {
                done.add(removeOriginal(p));
            }
        }
        if (options.remove() && pendingCount > 0) manifest.save(dir);
        batch.clear();
        pendingCount = 0;
        done.forEach(record);
    }

    private Step removeOriginal(Pending p) throws IOException {
        Path path = p.target().path();
        String key = path.toString();
        FileRecord r = p.record();
        journal.append("remove", "path", key, "sha256", r.sha256);
        beforeRemoving.accept(path);
        try {
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                journal.append("refused", "path", key, "sha256", r.sha256, "because", "not a regular file");
                return new Step(p.target().reported(), Action.REFUSED,
                        "copied as " + r.stored() + ", but no longer a regular file at its path: not removed");
            }
            // The file may be live: a web shell being rewritten, or a log file in use.
            String now = Sha256.ofFile(path);
            if (!now.equals(r.sha256)) {
                journal.append("refused", "path", key, "sha256", r.sha256, "now", now);
                r.notes.add(Times.now() + ": not removed: changed since it was copied (sha256 now " + now + ")");
                return new Step(p.target().reported(), Action.REFUSED, "changed since it was copied (copied "
                        + r.sha256 + ", now " + now + "); it may be in use, so it stays in place;"
                        + " run again to take the new content");
            }
            Files.delete(path);
            Durable.forceFolder(path.getParent());
        } catch (IOException e) {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                journal.append("rolled-back", "of", "remove", "path", key, "sha256", r.sha256);
            }
            return new Step(p.target().reported(), Action.FAILED,
                    "copied as " + r.stored() + ", but the original could not be removed: " + e);
        }
        journal.append("removed", "path", key, "sha256", r.sha256);
        r.state = FileState.REMOVED;
        r.removed = Times.now();
        return new Step(p.target().reported(), Action.COPIED_AND_REMOVED, (p.copiedNow() ? "as " : "already as ")
                + r.stored() + ", named by " + findingsText(p.target().findings()));
    }

    /** Why a target cannot be taken, as far as its name and kind tell; null when it can. */
    static String whyNot(ReportFiles.Target t, Path qdir) {
        if (t.skipReason() != null) return t.skipReason();
        Path p = t.path();
        if (p.startsWith(qdir)) return "inside the quarantine folder itself";
        if (Files.isSymbolicLink(p)) {
            String to;
            try {
                to = Files.readSymbolicLink(p).toString();
            } catch (IOException e) {
                to = "an unreadable target";
            }
            return "a symbolic link (to " + to + "); links are not followed: if what it points to is evidence,"
                    + " scan and quarantine that file itself";
        }
        return null;
    }

    static String notFound(ReportFiles.Target t, Path base) {
        boolean relative = !Path.of(t.reported()).isAbsolute();
        return "not found at " + t.path() + (relative
                ? " (relative paths are taken from " + base + "; give the folder the scan ran in)" : "");
    }

    static String findingsText(List<FindingRef> findings) {
        if (findings.isEmpty()) return "no finding";
        FindingRef first = findings.get(0);
        String s = first.engine() + " " + first.ruleId() + " (" + first.level() + ")";
        return findings.size() == 1 ? s : s + " and " + (findings.size() - 1) + " more";
    }

    private static String host() {
        String h = System.getenv("COMPUTERNAME");
        if (h == null) h = System.getenv("HOSTNAME");
        return h;
    }

    /** A copy that read back differently from what was read from the original. */
    private static final class CopyNotVerified extends IOException {
        private static final long serialVersionUID = 1L;

        CopyNotVerified(String message) {
            super(message);
        }
    }
}
