package org.exhunt.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence of one server in the lake: every file under {@code <root>/<folder>/}.
 *
 * @param root   the input root as the user gave it
 * @param folder the first path component under the root (the server's folder); files lying
 *               loose at the root are grouped under the root's own name
 * @param files  the files, as fully qualified (encoded) URIs, each with its path relative to the root
 * @param bytes  their total size, to hand the largest servers out first
 */
record ServerFiles(String root, String folder, List<LakeFile> files, long bytes) implements Serializable {

    /** One file: where Hadoop finds it and how it is named below the root. */
    record LakeFile(String uri, String relative, long bytes) implements Serializable {
    }

    /** What names a server in the job and its summary, without its file list. */
    record Key(String root, String folder, int files, long bytes) implements Serializable {
        String evidence() {
            return root.endsWith("/") ? root + folder : root + "/" + folder;
        }
    }

    /** A part of a server's files, hunted by one task. */
    record Slice(Key server, List<LakeFile> files) implements Serializable {
    }

    Key key() {
        return new Key(root, folder, files.size(), bytes);
    }

    /**
     * The files cut into slices of about {@code maxBytes} each, in name order, so that one huge
     * server is read by many tasks; a file is never cut.
     */
    List<Slice> slices(long maxBytes) {
        List<Slice> out = new ArrayList<>();
        List<LakeFile> current = new ArrayList<>();
        long size = 0;
        for (LakeFile f : files) {
            if (!current.isEmpty() && size + f.bytes() > maxBytes) {
                out.add(new Slice(key(), List.copyOf(current)));
                current.clear();
                size = 0;
            }
            current.add(f);
            size += f.bytes();
        }
        if (!current.isEmpty() || out.isEmpty()) out.add(new Slice(key(), List.copyOf(current)));
        return out;
    }
}
