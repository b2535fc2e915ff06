package org.exhunt.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Tells on the driver which large files may be cut into chunk ranges: plain EVTX files, by name
 * and by their first eight bytes ({@code ElfFile\0}). An archive or a file merely named
 * {@code .evtx} is read whole, as a scan would read it.
 */
final class EvtxFiles {

    private static final byte[] MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

    private EvtxFiles() {
    }

    static boolean isEvtx(ServerFiles.LakeFile f, Configuration conf) {
        if (!f.relative().toLowerCase(Locale.ROOT).endsWith(".evtx")) return false;
        Path p = new Path(URI.create(f.uri()));
        try {
            FileSystem fs = p.getFileSystem(conf);
            byte[] head = new byte[MAGIC.length];
            try (InputStream in = fs.open(p)) {
                if (in.readNBytes(head, 0, head.length) < head.length) return false;
            }
            return Arrays.equals(head, MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the first bytes of " + f.uri() + ": " + e.getMessage(), e);
        }
    }
}
