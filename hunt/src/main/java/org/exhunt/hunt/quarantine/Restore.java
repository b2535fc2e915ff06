package org.exhunt.hunt.quarantine;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Puts quarantined files back: at their original paths, or under a root folder keeping each
 * original path below it. Each file is copied from its verified copy to a temporary name beside
 * the target, checked by reading it back, given its recorded times and permissions, and then
 * published under its name without ever replacing a file that is there (a hard link, which the
 * system refuses when the name exists). A different file already at the path is reported, never
 * overwritten. Journaled like quarantine: a run killed at any point leaves each target either
 * absent or complete, and the next run removes the temporary files and resumes. The quarantined
 * copies stay where they are.
 */
public final class Restore {

    private static final int BATCH = 16;

    private Restore() {
    }

    /**
     * Restores every file of the quarantine folder {@code dir}; {@code root} null puts them at their
     * original paths.
     *
     * @throws QuarantineException when {@code dir} is no quarantine folder, is in use by another run,
     *     or its journal or manifest cannot be read or written
     */
    public static Outcome run(Path dir, Path root, String toolVersion, Consumer<Step> listener)
            throws QuarantineException {
        Path qdir = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(qdir.resolve(Manifest.FILE_NAME))) {
            throw new QuarantineException(qdir + " holds no " + Manifest.FILE_NAME
                    + ": it is not a folder written by exhunt quarantine");
        }
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Consumer<Step> record = s -> {
            steps.add(s);
            if (listener != null) listener.accept(s);
        };
        try (DirLock lock = DirLock.acquire(qdir)) {
            JournalReader.Contents before = Journal.readExisting(qdir);
            Manifest manifest = Manifest.load(qdir);
            try (Journal journal = Journal.open(qdir)) {
                notes.addAll(Recovery.recover(qdir, before, manifest, journal));
                Path rootAbs = root == null ? null : root.toAbsolutePath().normalize();
                manifest.runs.add(new RunRecord("restore", Times.now(), System.getProperty("user.name"), null,
                        toolVersion == null ? "dev" : toolVersion, null, null, false,
                        rootAbs == null ? null : rootAbs.toString()));
                journal.append("run", "command", "restore", "root", rootAbs == null ? null : rootAbs.toString());
                manifest.save(qdir);
                new Putting(qdir, manifest, journal, record).all(rootAbs);
                journal.append("done", "command", "restore");
            }
        } catch (IOException e) {
            throw new QuarantineException("restore from " + qdir + " stopped: " + e.getMessage()
                    + " (nothing is lost; run it again once the cause is fixed, it resumes where it stopped)", e);
        }
        return new Outcome(steps, notes);
    }

    /** Notes in a record that its content is at {@code target} again. */
    static void recordRestored(FileRecord r, String target) {
        if (target.equals(r.originalPath)) {
            r.state = FileState.RESTORED;
            r.restored = Times.now();
            r.restoredTo = null;
        } else {
            r.restoredTo = target;
            r.notes.add(Times.now() + ": a copy was restored to " + target);
        }
    }

    /** The work of one restore run. */
    private static final class Putting {
        private final Path dir;
        private final Manifest manifest;
        private final Journal journal;
        private final Consumer<Step> record;

        Putting(Path dir, Manifest manifest, Journal journal, Consumer<Step> record) {
            this.dir = dir;
            this.manifest = manifest;
            this.journal = journal;
            this.record = record;
        }

        void all(Path root) throws IOException {
            // One target path may have several records (a file that changed between runs): one content goes back.
            Map<Path, List<FileRecord>> byTarget = new LinkedHashMap<>();
            List<Step> unplaceable = new ArrayList<>();
            for (FileRecord r : manifest.files) {
                Path target = root != null ? Places.underRoot(root, r.originalPath) : Recovery.pathOrNull(r.originalPath);
                if (target == null || !target.isAbsolute()) {
                    unplaceable.add(new Step(r.originalPath, Action.CONFLICT, "not a path on this machine;"
                            + " restore under a folder with --to"));
                    continue;
                }
                byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(r);
            }
            unplaceable.forEach(record);
            int sinceSave = 0;
            for (Map.Entry<Path, List<FileRecord>> e : byTarget.entrySet()) {
                for (Step s : one(e.getKey(), e.getValue())) record.accept(s);
                if (++sinceSave >= BATCH) {
                    manifest.save(dir);
                    sinceSave = 0;
                }
            }
            manifest.save(dir);
        }

        private List<Step> one(Path target, List<FileRecord> versions) throws IOException {
            List<Step> out = new ArrayList<>();
            String where = target.toString();
            if (Files.isSymbolicLink(target) || (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS))) {
                out.add(new Step(where, Action.CONFLICT, "something other than a regular file is at this path"
                        + " (a symbolic link or a folder); not replaced"));
                return out;
            }
            FileRecord chosen;
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                String there = Sha256.ofFile(target);
                chosen = null;
                for (FileRecord r : versions) if (r.sha256.equals(there)) chosen = r;
                if (chosen == null) {
                    out.add(new Step(where, Action.CONFLICT, "a different file is at this path (sha256 " + there
                            + ", quarantined " + last(versions).sha256 + "); not overwritten"));
                    return out;
                }
                if (where.equals(chosen.originalPath) ? chosen.state == FileState.REMOVED : !where.equals(chosen.restoredTo)) {
                    recordRestored(chosen, where);
                }
                out.add(new Step(where, Action.IN_PLACE, "holds the quarantined content (" + chosen.stored() + ")"));
            } else {
                chosen = null;
                for (FileRecord r : versions) if (r.state == FileState.REMOVED) chosen = r;
                if (chosen == null) chosen = last(versions);
                out.add(putBack(chosen, target));
            }
            for (FileRecord r : versions) {
                if (r != chosen) {
                    out.add(new Step(where, Action.SUPERSEDED, "the version " + r.sha256 + " was left in the quarantine"
                            + " (" + chosen.sha256 + " is the one at this path)"));
                }
            }
            return out;
        }

        private Step putBack(FileRecord r, Path target) throws IOException {
            String where = target.toString();
            if (!Recovery.storedCopyVerifies(dir, r)) {
                return new Step(where, Action.FAILED, "the quarantined copy " + r.stored()
                        + " is missing or no longer matches its digest; nothing was put back");
            }
            Path parent = target.getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(Recovery.RESTORE_PREFIX + UUID.randomUUID() + Recovery.COPY_SUFFIX);
            journal.append("restore", "path", where, "sha256", r.sha256, "tmp", tmp.toString(), "original", r.originalPath);
            String read = Durable.copyAndForce(dir.resolve(r.stored()), tmp);
            String back = Sha256.ofFile(tmp);
            if (!read.equals(r.sha256) || !back.equals(r.sha256)) {
                Files.deleteIfExists(tmp);
                journal.append("rolled-back", "of", "restore", "tmp", tmp.toString(), "path", where);
                return new Step(where, Action.FAILED, "the restored bytes did not verify (expected " + r.sha256
                        + ", wrote " + back + "); nothing was put back");
            }
            applyRecorded(tmp, r);
            try {
                publish(tmp, target);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                journal.append("rolled-back", "of", "restore", "tmp", tmp.toString(), "path", where);
                return new Step(where, Action.CONFLICT, "a file appeared at this path while restoring; not overwritten");
            }
            Durable.forceFolder(parent);
            journal.append("restored", "path", where, "sha256", r.sha256, "tmp", tmp.toString());
            recordRestored(r, where);
            return new Step(where, Action.RESTORED, "from " + r.stored());
        }

        /**
         * Gives the file its name without replacing anything: a hard link fails when the name
         * exists, atomically. Where links are not possible, a move that refuses an existing name.
         */
        private static void publish(Path tmp, Path target) throws IOException {
            try {
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                Files.move(tmp, target);
                return;
            }
            Files.delete(tmp);
        }

        /** The recorded permissions and times, as far as this file system keeps them. */
        private static void applyRecorded(Path p, FileRecord r) {
            if (r.permissions != null) {
                PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                try {
                    if (posix != null) posix.setPermissions(PosixFilePermissions.fromString(r.permissions));
                } catch (IOException | IllegalArgumentException e) {
                    // the content is what matters; permissions are a courtesy
                }
            }
            FileTime modified = Times.parse(r.modified);
            FileTime accessed = Times.parse(r.accessed);
            FileTime created = Times.parse(r.created);
            try {
                Files.getFileAttributeView(p, BasicFileAttributeView.class).setTimes(modified, accessed, created);
            } catch (IOException e) {
                // as above: times that cannot be set are still in the manifest
            }
        }

        private static FileRecord last(List<FileRecord> versions) {
            return versions.get(versions.size() - 1);
        }
    }
}
