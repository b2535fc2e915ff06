package org.exhunt.spark;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.exhunt.hunt.evidence.EvidenceFile;

/**
 * One lake file as hunt's evidence, opened where it lies: for reading a range of an EVTX file,
 * whose reader skips to the range, without copying the file first.
 */
final class LakeEvidence {

    private LakeEvidence() {
    }

    /** A file of the local file system, named as a scan of the lake root names it. */
    static EvidenceFile local(Path file, String name, long size) {
        return new EvidenceFile() {
            @Override
            public String path() {
                return name;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                // A file channel's stream skips by moving its position: nothing before the range is read.
                return Files.newInputStream(file);
            }
        };
    }

    /** A file on any Hadoop file system; its stream seeks when skipped. */
    static EvidenceFile hadoop(String uri, String name, long size, Configuration conf) {
        return new EvidenceFile() {
            @Override
            public String path() {
                return name;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(URI.create(uri));
                FileSystem fs = p.getFileSystem(conf);
                return new Seeking(fs.open(p), size);
            }
        };
    }

    /**
     * Turns a skip into a seek: a positioned read of the header and the range, whatever the file
     * system's own {@code skip} does (some read and discard).
     */
    static final class Seeking extends FilterInputStream {
        private final FSDataInputStream data;
        private final long size;

        Seeking(FSDataInputStream data, long size) {
            super(data);
            this.data = data;
            this.size = size;
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) return 0;
            long at = data.getPos();
            long to = Math.min(size, at + n);
            if (to <= at) return 0;
            data.seek(to);
            return to - at;
        }
    }
}
