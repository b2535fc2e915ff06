package org.exhunt.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists a folder's files as the {@code yara} command walks it: entries in the order the file
 * system returns them (no sorting, so the order matches yara's on the same disk), paths written as
 * {@code folder + "/" + name}, sub-folders entered where they are met (only when recursive),
 * symbolic links followed unless told otherwise, and files of {@code skipLarger} bytes or more
 * reported as skipped. Entries that cannot be examined are passed over silently, as yara does.
 * One difference: a link back to a folder being walked is not entered again, where yara 4.2.3
 * walks the cycle until its path buffer fills.
 */
final class YaraWalk {

    /** One step of the walk: a file to scan, or a message that a file was skipped. */
    sealed interface Entry permits ScanFile, Skipped {
    }

    record ScanFile(String path, long size) implements Entry {
    }

    record Skipped(String message) implements Entry {
    }

    private final boolean recursive;
    private final boolean followSymlinks;
    private final long skipLarger;
    private final List<Entry> entries = new ArrayList<>();
    // Folders on the current descent; a link back to one of them would never end (yara loops until its path buffer fills).
    private final Set<Object> descent = new HashSet<>();

    private YaraWalk(boolean recursive, boolean followSymlinks, long skipLarger) {
        this.recursive = recursive;
        this.followSymlinks = followSymlinks;
        this.skipLarger = skipLarger;
    }

    static List<Entry> walk(String folder, boolean recursive, boolean followSymlinks, long skipLarger) {
        YaraWalk w = new YaraWalk(recursive, followSymlinks, skipLarger);
        w.visit(folder, Path.of(folder));
        return w.entries;
    }

    private void visit(String shown, Path folder) {
        Object key = fileKey(folder);
        if (key != null && !descent.add(key)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                String path = shown + "/" + child.getFileName();
                visitEntry(path, child);
            }
        } catch (IOException | RuntimeException e) {
            // yara ignores folders it cannot open and stops listing one that fails midway
        } finally {
            if (key != null) {
                descent.remove(key);
            }
        }
    }

    private void visitEntry(String path, Path child) throws IOException {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return;
        }
        if (own.isSymbolicLink() && !followSymlinks) {
            return;
        }
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(child, BasicFileAttributes.class);
        } catch (IOException e) {
            return;
        }
        if (target.isRegularFile()) {
            if (skipLarger <= 0 || skipLarger > target.size()) {
                entries.add(new ScanFile(path, target.size()));
            } else {
                entries.add(new Skipped("skipping " + path + " (" + target.size() + " bytes) because it's larger than "
                        + skipLarger + " bytes."));
            }
        } else if (recursive && target.isDirectory()) {
            visit(path, child);
        }
    }

    private static Object fileKey(Path folder) {
        try {
            return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
