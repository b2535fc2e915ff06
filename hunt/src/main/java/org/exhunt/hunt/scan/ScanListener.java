package org.exhunt.hunt.scan;

/** Hears how a scan goes, for progress display. Called from worker threads. */
public interface ScanListener {

    ScanListener NONE = new ScanListener() { };

    /** The evidence has been listed: this many files, this many bytes to read. */
    default void planned(int files, long bytes) { }

    /** One file has been read. */
    default void fileDone(String path, long bytes, long events) { }
}
