package org.exhunt.hunt.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rule pack that ships inside exhunt (the repository's {@code rules/} folder, packaged under
 * {@code exhunt-rules/}). Read from the jar, or from the class folder during development.
 */
public final class BuiltInRules {

    static final String ROOT = "exhunt-rules";

    /** One packaged file: its name under the pack (e.g. {@code sigma/proxylogon/x.yml}) and its text. */
    public record PackFile(String name, String text) { }

    private BuiltInRules() {
    }

    /** Every packaged file under {@code folder} (e.g. {@code sigma}) whose name ends with one of the suffixes, sorted by name. */
    public static List<PackFile> files(String folder, String... suffixes) {
        URL url = BuiltInRules.class.getClassLoader().getResource(ROOT + "/" + folder);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = openJar(uri)) {
                    return collect(fs.getPath(ROOT, folder), suffixes);
                } catch (UnsupportedOperationException alreadyOpen) {
                    return collect(FileSystems.getFileSystem(uri).getPath(ROOT, folder), suffixes);
                }
            }
            return collect(Path.of(uri), suffixes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in rule pack: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("built-in rule pack has a malformed location: " + url, e);
        }
    }

    /** One packaged file's text, or {@code null} if it isn't there. */
    public static String text(String name) {
        try (var in = BuiltInRules.class.getClassLoader().getResourceAsStream(ROOT + "/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * One packaged table read by its parser, which gets the text and a name for its error messages;
     * a pack without the file is a broken build, not a user error.
     */
    public static <T> T parsed(String name, java.util.function.BiFunction<String, String, T> parser) {
        String text = text(name);
        if (text == null) throw new IllegalStateException("the built-in rule pack has no " + name);
        return parser.apply(text, "built-in " + name);
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Someone else holds it open; borrowing it must not close it, so signal the caller.
            throw new UnsupportedOperationException(e);
        }
    }

    private static List<PackFile> collect(Path dir, String... suffixes) throws IOException {
        List<PackFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (!Files.isRegularFile(p)) continue;
                String rel = dir.getParent().relativize(p).toString().replace('\\', '/');
                for (String s : suffixes) {
                    if (rel.endsWith(s)) {
                        out.add(new PackFile(rel, Files.readString(p, StandardCharsets.UTF_8)));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
