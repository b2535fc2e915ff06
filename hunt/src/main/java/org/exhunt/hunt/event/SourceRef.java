package org.exhunt.hunt.event;

/**
 * Where an event came from, precisely enough for a responder to find it again.
 *
 * @param path   the file as the user named it; for a zip entry {@code archive.zip!/inner/path}
 * @param line   1-based line number in the file, or -1 when the source has no lines
 * @param record record number for record-based sources (EVTX), or -1
 * @param offset byte offset of the start of the event in the (decoded-from) file, or -1
 */
public record SourceRef(String path, long line, long record, long offset) {

    public static SourceRef ofLine(String path, long line, long offset) {
        return new SourceRef(path, line, -1, offset);
    }

    @Override
    public String toString() {
        if (line >= 0) return path + ":" + line;
        if (record >= 0) return path + "#" + record;
        return path;
    }
}
