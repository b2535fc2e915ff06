package org.exhunt.hunt.quarantine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * File operations whose result survives a crash: data is forced to the device before the name
 * that makes it visible is published, and the folder holding a new or removed name is forced
 * too, so a rename or delete is not lost with the page cache.
 */
final class Durable {

    private static final int BUFFER = 1 << 16;

    private Durable() {
    }

    /**
     * Copies {@code from} (not following a symbolic link) into a new file {@code to}, forces it to
     * the device and returns the SHA-256 of the bytes read from the source.
     */
    static String copyAndForce(Path from, Path to) throws IOException {
        MessageDigest d = Sha256.digest();
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            while (in.read(buf) >= 0) {
                buf.flip();
                d.update(buf.duplicate());
                while (buf.hasRemaining()) out.write(buf);
                buf.clear();
            }
            out.force(true);
        }
        return Sha256.hex(d);
    }

    /** Writes bytes to a temporary sibling, forces it, renames it over {@code target} and forces the folder. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) out.write(buf);
            out.force(true);
        }
        moveAtomically(tmp, target);
        forceFolder(target.toAbsolutePath().getParent());
    }

    /** Renames in one step, replacing the target; a file system that cannot do that is an error, not a fallback. */
    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " in one step (" + e.getMessage()
                    + "); the quarantine folder must be on a local file system", e);
        }
    }

    /**
     * Forces a folder's entries (new, renamed and removed names) to the device. Some platforms
     * (Windows) cannot open a folder for that; there the rename itself is the best available.
     */
    static void forceFolder(Path folder) throws IOException {
        if (folder == null) return;
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (!isWindows()) throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
