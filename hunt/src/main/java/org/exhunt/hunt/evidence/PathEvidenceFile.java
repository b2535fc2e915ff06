package org.exhunt.hunt.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A plain file on disk, opened read-only. */
final class PathEvidenceFile implements EvidenceFile {

    private final Path file;
    private final String display;
    private final long size;

    PathEvidenceFile(Path file, String display, long size) {
        this.file = file;
        this.display = display;
        this.size = size;
    }

    Path file() {
        return file;
    }

    @Override
    public String path() {
        return display;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file, StandardOpenOption.READ);
    }

    @Override
    public String toString() {
        return display;
    }
}
