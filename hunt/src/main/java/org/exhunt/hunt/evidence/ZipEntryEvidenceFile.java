package org.exhunt.hunt.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** One entry of a zip archive, read through random access into the archive (never extracted). */
final class ZipEntryEvidenceFile implements EvidenceFile {

    private final ZipFile zip;
    private final ZipEntry entry;
    private final String display;
    private final long limit;

    /** @param limit the most bytes the entry may expand to before reading fails */
    ZipEntryEvidenceFile(ZipFile zip, ZipEntry entry, String display, long limit) {
        this.zip = zip;
        this.entry = entry;
        this.display = display;
        this.limit = limit;
    }

    @Override
    public String path() {
        return display;
    }

    @Override
    public long size() {
        return entry.getSize();
    }

    @Override
    public InputStream open() throws IOException {
        InputStream in = zip.getInputStream(entry);
        if (in == null) throw new IOException("entry no longer in archive: " + display);
        return new LimitedInputStream(in, limit, display);
    }

    @Override
    public String toString() {
        return display;
    }
}
