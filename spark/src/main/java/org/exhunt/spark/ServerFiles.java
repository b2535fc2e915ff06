package org.exhunt.spark;

import java.io.Serializable;
import java.util.List;

/**
 * The evidence of one server in the lake: every file under {@code <root>/<folder>/}.
 *
 * @param root   the input root as the user gave it
 * @param folder the first path component under the root (the server's folder), or the file name
 *               when the input is a single file
 * @param files  the files, as fully qualified (encoded) URIs, each with its path relative to the root
 * @param bytes  their total size, to hand the largest servers out first
 */
record ServerFiles(String root, String folder, List<LakeFile> files, long bytes) implements Serializable {

    /** One file: where Hadoop finds it and how it is named below the root. */
    record LakeFile(String uri, String relative, long bytes) implements Serializable {
    }
}
