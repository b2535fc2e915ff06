package org.exhunt.hunt.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** The content of a gzip file (one member stream, as {@code gzip} writes it), decompressed as read. */
final class GzipEvidenceFile implements EvidenceFile {

    private final EvidenceFile compressed;
    private final String display;
    private final long limit;

    GzipEvidenceFile(EvidenceFile compressed, String display, long limit) {
        this.compressed = compressed;
        this.display = display;
        this.limit = limit;
    }

    @Override
    public String path() {
        return display;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream raw = compressed.open();
        try {
            return new LimitedInputStream(new GZIPInputStream(raw, 64 * 1024), limit, display);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return display;
    }
}
