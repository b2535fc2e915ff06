package org.exhunt.hunt.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Walks inputs into classified files: folders recursively (links are not followed out of the
 * tree), zip archives through {@link ZipFile} random access, nested archives via a bounded copy
 * into a temporary folder of our own, gzip files as a stream.
 */
final class EvidenceWalker {

    private static final long RATIO_FLOOR = 1024 * 1024;

    private final EvidenceLimits limits;
    final List<Classified> files = new ArrayList<>();
    final List<DiscoveryProblem> problems = new ArrayList<>();
    final List<ZipFile> openArchives = new ArrayList<>();
    private Path tempDir;

    /** Bytes still allowed to come out of the current top-level archive. */
    private static final class Budget {
        long remaining;

        Budget(long remaining) {
            this.remaining = remaining;
        }
    }

    EvidenceWalker(EvidenceLimits limits) {
        this.limits = limits;
    }

    Path tempDir() {
        return tempDir;
    }

    void input(Path input) {
        String display = input.toString().replace('\\', '/');
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(new DiscoveryProblem(display, "does not exist"));
            return;
        }
        if (Files.isDirectory(input)) {
            folder(input, display);
        } else if (Files.isRegularFile(input)) {
            file(new PathEvidenceFile(input, display, sizeOf(input)), 0, null);
        } else {
            problems.add(new DiscoveryProblem(display, "not a regular file or folder — skipped"));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private void folder(Path root, String display) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            problems.add(new DiscoveryProblem(display, "folder cannot be read: " + e.getMessage()));
            return;
        }
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            String name = join(display, root.relativize(f));
                            if (attrs.isSymbolicLink()) {
                                link(f, name, realRoot);
                            } else if (attrs.isRegularFile()) {
                                file(new PathEvidenceFile(f, name, attrs.size()), 0, null);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            problems.add(new DiscoveryProblem(join(display, root.relativize(f)),
                                    "cannot be read: " + e.getMessage()));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(new DiscoveryProblem(display, "folder walk stopped: " + e.getMessage()));
        }
    }

    /** A link is taken only when it leads to a regular file inside the input folder. */
    private void link(Path f, String name, Path realRoot) {
        try {
            Path target = f.toRealPath();
            if (!target.startsWith(realRoot)) {
                problems.add(new DiscoveryProblem(name, "symbolic link leads outside the evidence — not followed"));
            } else if (Files.isRegularFile(target)) {
                file(new PathEvidenceFile(target, name, sizeOf(target)), 0, null);
            } else {
                problems.add(new DiscoveryProblem(name, "symbolic link to a folder — not followed"));
            }
        } catch (IOException e) {
            problems.add(new DiscoveryProblem(name, "broken symbolic link — skipped"));
        }
    }

    private static String join(String display, Path relative) {
        String rel = relative.toString().replace('\\', '/');
        if (rel.isEmpty()) return display;
        return display.endsWith("/") ? display + rel : display + "/" + rel;
    }

    /** A file at archive depth {@code depth}: an archive to open, or content to classify. */
    private void file(EvidenceFile f, int depth, Budget budget) {
        // One read of the head serves both the archive check and the classifier.
        byte[] magic = new byte[ContentClassifier.HEAD];
        int n;
        try (InputStream in = f.open()) {
            n = in.readNBytes(magic, 0, magic.length);
        } catch (IOException | RuntimeException e) {
            files.add(new Classified(f, org.exhunt.hunt.event.SourceKind.UNKNOWN, "cannot be read: " + e.getMessage()));
            return;
        }
        boolean zip = n >= 4 && magic[0] == 'P' && magic[1] == 'K'
                && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
        boolean gzip = n >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        if (zip || gzip) {
            if (depth + 1 > limits.maxArchiveDepth()) {
                problems.add(new DiscoveryProblem(f.path(), "archive nested deeper than "
                        + limits.maxArchiveDepth() + " levels — not opened"));
                return;
            }
            Budget b = budget != null ? budget : new Budget(limits.maxExpandedBytes());
            if (zip) zip(f, depth + 1, b);
            else gzip(f, depth + 1, b);
            return;
        }
        files.add(ContentClassifier.classify(f, magic, n));
    }

    private void gzip(EvidenceFile f, int depth, Budget budget) {
        String name = f.path();
        int slash = name.lastIndexOf('/');
        String base = name.substring(slash + 1);
        if (base.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) base = base.substring(0, base.length() - 3);
        long limit = budget.remaining;
        if (f.size() > 0) limit = Math.min(limit, Math.max(RATIO_FLOOR, f.size() * limits.maxCompressionRatio()));
        file(new GzipEvidenceFile(f, name + "!/" + base, limit), depth, budget);
    }

    private void zip(EvidenceFile f, int depth, Budget budget) {
        ZipFile zip;
        try {
            Path onDisk = f instanceof PathEvidenceFile p ? p.file() : copyOut(f);
            zip = new ZipFile(onDisk.toFile());
        } catch (ZipException e) {
            problems.add(new DiscoveryProblem(f.path(), "not a readable zip archive (" + e.getMessage() + ") — skipped"));
            return;
        } catch (IOException | UncheckedIOException e) {
            problems.add(new DiscoveryProblem(f.path(), "archive cannot be opened: " + e.getMessage()));
            return;
        }
        openArchives.add(zip);
        if (zip.size() > limits.maxEntries()) {
            problems.add(new DiscoveryProblem(f.path(), "archive lists " + zip.size() + " entries, over the limit of "
                    + limits.maxEntries() + " — not opened"));
            return;
        }
        List<ZipEntry> entries = new ArrayList<>();
        long declared = 0;
        try {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) continue;
                entries.add(e);
                declared += Math.max(0, e.getSize());
            }
        } catch (RuntimeException e) {
            problems.add(new DiscoveryProblem(f.path(), "archive directory is corrupt (" + e.getMessage() + ") — skipped"));
            return;
        }
        if (declared > budget.remaining) {
            problems.add(new DiscoveryProblem(f.path(), "archive expands to " + declared + " bytes, over the limit of "
                    + limits.maxExpandedBytes() + " — not opened (zip bomb?)"));
            return;
        }
        Collections.sort(entries, (a, b) -> a.getName().compareTo(b.getName()));
        for (ZipEntry e : entries) {
            entry(zip, f.path(), e, depth, budget);
        }
    }

    private void entry(ZipFile zip, String archive, ZipEntry e, int depth, Budget budget) {
        String raw = e.getName();
        String display = archive + "!/" + EntryNames.clean(raw);
        if (EntryNames.traverses(raw)) {
            problems.add(new DiscoveryProblem(display, "path traversal entry '" + raw
                    + "' — never written anywhere; content read under the cleaned name"));
        }
        if (EntryNames.clean(raw).isEmpty()) return;
        long size = e.getSize();
        long compressed = e.getCompressedSize();
        if (size > RATIO_FLOOR && compressed >= 0 && size > Math.max(1, compressed) * limits.maxCompressionRatio()) {
            problems.add(new DiscoveryProblem(display, "compression ratio " + size / Math.max(1, compressed)
                    + ":1 over the limit of " + limits.maxCompressionRatio() + ":1 — not read (zip bomb?)"));
            return;
        }
        long limit = budget.remaining;
        if (size >= 0) limit = Math.min(limit, size);
        if (compressed > 0) limit = Math.min(limit, Math.max(RATIO_FLOOR, compressed * limits.maxCompressionRatio()));
        budget.remaining -= Math.max(0, size);
        file(new ZipEntryEvidenceFile(zip, e, display, limit), depth, budget);
    }

    /**
     * Copies a nested archive to a temporary file of our own. The copy is bounded by the stream
     * itself: entry and gzip streams fail past their declared size, ratio and budget limits.
     */
    private Path copyOut(EvidenceFile f) throws IOException {
        if (tempDir == null) tempDir = Files.createTempDirectory("exhunt-archives-");
        Path tmp = Files.createTempFile(tempDir, "nested-", ".zip");
        try (InputStream in = f.open(); OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }
}
