package org.exhunt.hunt.quarantine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes or rolls back what an interrupted run left half done, before a new run starts. Each
 * intent in the journal ({@code copy}, {@code remove}, {@code restore}) is either closed by its
 * completion record or open; for each open one:
 * <ul>
 *   <li>{@code copy}: the temporary copy was never verified, so it is deleted (the file is copied
 *       again by the run that follows);</li>
 *   <li>{@code remove}: if the original is gone and its verified copy is in the manifest, the
 *       removal happened: it is recorded as done; if the original is still there, nothing
 *       happened: the intent is rolled back and the original stays;</li>
 *   <li>{@code restore}: the temporary file beside the target is deleted; if the target holds the
 *       right content, the restore happened and is recorded.</li>
 * </ul>
 * Every repair is journaled too, so an intent is closed once and never reconsidered.
 */
final class Recovery {

    static final String COPY_SUFFIX = ".part";
    static final String RESTORE_PREFIX = ".exhunt-restore-";

    private Recovery() {
    }

    /** Repairs the folder, updates (and saves, when changed) the manifest, returns notes for the user. */
    static List<String> recover(Path dir, JournalReader.Contents journal, Manifest manifest, Journal out)
            throws IOException {
        List<String> notes = new ArrayList<>();
        // Damaged lines stay in the journal: each is told once, not on every later run.
        int damaged = journal.damagedLines() + (journal.tornTail() ? 1 : 0);
        int told = 0;
        for (JournalEntry e : journal.entries()) {
            if (e.op().equals("damage-seen")) told = parseCount(e.get("lines"));
        }
        if (damaged > told) {
            notes.add("journal: ignored " + (damaged - told)
                    + " damaged line(s) (a line cut short by an interrupted run, or changed since)");
            out.append("damage-seen", "lines", Integer.toString(damaged));
        }
        Map<String, JournalEntry> open = openIntents(journal.entries());
        boolean changed = false;
        int copies = 0;
        for (JournalEntry e : open.values()) {
            switch (e.op()) {
                case "copy" -> {
                    Path tmp = copyTemp(dir, e.get("tmp"));
                    if (tmp != null) Files.deleteIfExists(tmp);
                    out.append("rolled-back", "of", "copy", "tmp", e.get("tmp"), "path", e.get("path"));
                    copies++;
                }
                case "remove" -> changed |= recoverRemove(dir, e, manifest, out, notes);
                case "restore" -> changed |= recoverRestore(e, manifest, out, notes);
                default -> { }
            }
        }
        if (copies > 0) notes.add("deleted " + copies + " unverified copy(ies) left by an interrupted run");
        changed |= catchUpRemovals(journal.entries(), manifest, notes);
        sweepTemporaryCopies(dir);
        Files.deleteIfExists(dir.resolve(Manifest.FILE_NAME + ".tmp"));
        if (changed) manifest.save(dir);
        return notes;
    }

    /** Intents without their completion, keyed by what identifies them (the temporary name, or path and digest). */
    static Map<String, JournalEntry> openIntents(List<JournalEntry> entries) {
        Map<String, JournalEntry> open = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            switch (e.op()) {
                case "copy", "restore" -> open.put(e.op() + "\u0000" + e.get("tmp"), e);
                case "stored" -> open.remove("copy\u0000" + e.get("tmp"));
                case "restored" -> open.remove("restore\u0000" + e.get("tmp"));
                case "remove" -> open.put(removeKey(e), e);
                case "removed", "refused" -> open.remove(removeKey(e));
                case "rolled-back" -> {
                    String of = e.get("of");
                    if ("remove".equals(of)) open.remove(removeKey(e));
                    else open.remove(of + "\u0000" + e.get("tmp"));
                }
                default -> { }
            }
        }
        return open;
    }

    /**
     * A run killed after deleting an original but before the manifest said so leaves a
     * {@code removed} entry the manifest has not caught up with: the manifest learns it here.
     */
    private static boolean catchUpRemovals(List<JournalEntry> entries, Manifest manifest, List<String> notes) {
        Map<String, String> last = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            switch (e.op()) {
                case "removed", "refused", "stored" -> last.put(removeKey(e), e.op());
                case "rolled-back" -> {
                    if ("remove".equals(e.get("of"))) last.put(removeKey(e), e.op());
                }
                default -> { }
            }
        }
        int caught = 0;
        for (FileRecord r : manifest.files) {
            if (r.state != FileState.COPIED) continue;
            if (!"removed".equals(last.get("remove\u0000" + r.originalPath + "\u0000" + r.sha256))) continue;
            Path original = pathOrNull(r.originalPath);
            if (original == null || Files.exists(original, LinkOption.NOFOLLOW_LINKS)) continue;
            r.state = FileState.REMOVED;
            if (r.removed == null) r.removed = Times.now();
            caught++;
        }
        if (caught > 0) notes.add("recorded " + caught + " removal(s) done by an interrupted run in the manifest");
        return caught > 0;
    }

    private static String removeKey(JournalEntry e) {
        return "remove\u0000" + e.get("path") + "\u0000" + e.get("sha256");
    }

    private static boolean recoverRemove(Path dir, JournalEntry e, Manifest manifest, Journal out, List<String> notes)
            throws IOException {
        String path = e.get("path");
        String sha = e.get("sha256");
        FileRecord r = path == null || sha == null ? null : manifest.find(path, sha);
        Path original = pathOrNull(path);
        boolean gone = original != null && !Files.exists(original, LinkOption.NOFOLLOW_LINKS);
        if (r != null && gone && storedCopyVerifies(dir, r)) {
            r.state = FileState.REMOVED;
            if (r.removed == null) r.removed = Times.now();
            out.append("removed", "path", path, "sha256", sha, "by", "recovery");
            notes.add("recorded an interrupted removal as done (original gone, verified copy kept): " + path);
            return true;
        }
        out.append("rolled-back", "of", "remove", "path", path, "sha256", sha);
        if (gone) {
            notes.add("an interrupted removal of " + path + " left no verified copy in the manifest;"
                    + " the original is not at its path");
        } else {
            notes.add("rolled back an interrupted removal (the original is still in place): " + path);
        }
        return false;
    }

    private static boolean recoverRestore(JournalEntry e, Manifest manifest, Journal out, List<String> notes)
            throws IOException {
        Path target = pathOrNull(e.get("path"));
        Path tmp = restoreTemp(target, e.get("tmp"));
        if (tmp != null) Files.deleteIfExists(tmp);
        String sha = e.get("sha256");
        boolean done = target != null && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && sha != null && sha.equals(Sha256.ofFile(target));
        if (!done) {
            out.append("rolled-back", "of", "restore", "tmp", e.get("tmp"), "path", e.get("path"));
            notes.add("rolled back an interrupted restore (nothing was put at " + e.get("path") + ")");
            return false;
        }
        out.append("restored", "path", e.get("path"), "sha256", sha, "tmp", e.get("tmp"), "by", "recovery");
        notes.add("recorded an interrupted restore as done (the file is in place): " + e.get("path"));
        FileRecord r = e.get("original") == null ? null : manifest.find(e.get("original"), sha);
        if (r == null) return false;
        Restore.recordRestored(r, e.get("path"));
        return true;
    }

    static boolean storedCopyVerifies(Path dir, FileRecord r) throws IOException {
        return storedCopyVerifies(dir, r.sha256);
    }

    /** Whether {@code DIR/files/<sha256>} exists and holds content with that digest. */
    static boolean storedCopyVerifies(Path dir, String sha256) throws IOException {
        Path stored = dir.resolve("files").resolve(sha256);
        return Files.isRegularFile(stored, LinkOption.NOFOLLOW_LINKS) && sha256.equals(Sha256.ofFile(stored));
    }

    /** The temporary copy a journal line names, only if it has the shape this package gives such names. */
    private static Path copyTemp(Path dir, String name) {
        if (name == null || !name.startsWith("files/") || !name.endsWith(COPY_SUFFIX)) return null;
        String base = name.substring("files/".length());
        if (base.isEmpty() || base.contains("/") || base.contains("\\") || base.startsWith(".")) return null;
        return dir.resolve("files").resolve(base);
    }

    /** The temporary file of a restore: beside its target, with the restore prefix, nothing else. */
    private static Path restoreTemp(Path target, String tmp) {
        Path t = pathOrNull(tmp);
        if (target == null || t == null || t.getFileName() == null || target.getParent() == null) return null;
        String name = t.getFileName().toString();
        if (!name.startsWith(RESTORE_PREFIX) || !name.endsWith(COPY_SUFFIX)) return null;
        return target.getParent().equals(t.getParent()) ? t : null;
    }

    private static void sweepTemporaryCopies(Path dir) throws IOException {
        Path files = dir.resolve("files");
        if (!Files.isDirectory(files)) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(files, "*" + COPY_SUFFIX)) {
            for (Path p : ds) Files.deleteIfExists(p);
        }
    }

    private static int parseCount(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Path pathOrNull(String s) {
        if (s == null || s.indexOf('\0') >= 0) return null;
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
