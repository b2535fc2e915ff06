package org.exhunt.hunt.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of the evidence: a file on disk, an entry of a zip archive (possibly nested) or the
 * content of a gzip file. Opening it never writes anything into the evidence.
 */
public interface EvidenceFile {

    /**
     * The file as the user would name it: the input as given joined with the path below it;
     * archive entries as {@code outer.zip!/inner/path}.
     */
    String path();

    /** Size in bytes of the (decompressed) content, or -1 when not known in advance. */
    long size();

    /** A fresh stream over the content, positioned at its first byte; the caller closes it. */
    InputStream open() throws IOException;
}
