package org.exhunt.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the inputs on any Hadoop file system and groups the files by server folder. The lake
 * layout is {@code <root>/<server>/…}: everything under one first-level folder is one server's
 * evidence, as an {@code exhunt scan <root>/<server>} would see it. Only names and sizes reach the
 * driver.
 */
final class LakeListing {

    private LakeListing() {
    }

    static List<ServerFiles> list(List<String> roots, Configuration conf) {
        List<ServerFiles> out = new ArrayList<>();
        for (String root : roots) out.addAll(listRoot(root, conf));
        out.sort(Comparator.comparingLong(ServerFiles::bytes).reversed().thenComparing(ServerFiles::folder));
        return out;
    }

    private static List<ServerFiles> listRoot(String root, Configuration conf) {
        Path rootPath = new Path(root);
        try {
            FileSystem fs = rootPath.getFileSystem(conf);
            FileStatus status = fs.getFileStatus(rootPath);
            Path qualified = status.getPath();
            if (!status.isDirectory()) {
                String name = qualified.getName();
                var file = new ServerFiles.LakeFile(qualified.toUri().toString(), name, status.getLen());
                return List.of(new ServerFiles(parentOf(root), name, List.of(file), status.getLen()));
            }
            String prefix = qualified.toUri().getPath();
            if (!prefix.endsWith("/")) prefix += "/";
            Map<String, List<ServerFiles.LakeFile>> byFolder = new LinkedHashMap<>();
            // listStatus, not listFiles: the located statuses of listFiles copy each file's owner and
            // permissions, which the local file system learns by starting a process per file.
            ArrayDeque<Path> folders = new ArrayDeque<>(List.of(qualified));
            while (!folders.isEmpty()) {
                for (FileStatus f : fs.listStatus(folders.pop())) {
                    if (f.isDirectory()) {
                        folders.push(f.getPath());
                        continue;
                    }
                    String path = f.getPath().toUri().getPath();
                    if (!path.startsWith(prefix)) continue;
                    String relative = path.substring(prefix.length());
                    int slash = relative.indexOf('/');
                    // Files lying loose at the root belong to no server folder: they are judged together.
                    String folder = slash < 0 ? qualified.getName() : relative.substring(0, slash);
                    byFolder.computeIfAbsent(folder, k -> new ArrayList<>())
                            .add(new ServerFiles.LakeFile(f.getPath().toUri().toString(), relative, f.getLen()));
                }
            }
            List<ServerFiles> out = new ArrayList<>();
            byFolder.forEach((folder, files) -> {
                files.sort(Comparator.comparing(ServerFiles.LakeFile::relative));
                out.add(new ServerFiles(root, folder, List.copyOf(files),
                        files.stream().mapToLong(ServerFiles.LakeFile::bytes).sum()));
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list input " + root + ": " + e.getMessage(), e);
        }
    }

    private static String parentOf(String root) {
        int slash = root.lastIndexOf('/');
        return slash <= 0 ? "." : root.substring(0, slash);
    }
}
