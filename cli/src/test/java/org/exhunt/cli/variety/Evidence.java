package org.exhunt.cli.variety;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a small evidence folder the way a collector leaves it: chosen text encoding, line endings,
 * and optionally a last line cut short (a log copied while the server was still writing it).
 */
final class Evidence {

    enum Encoding { UTF8, UTF8_BOM, UTF16LE_BOM }

    static final String SERVER_LOGGING = "Program Files/Microsoft/Exchange Server/V15/Logging/";
    static final String W3SVC1 = "inetpub/logs/LogFiles/W3SVC1/";
    static final String W3SVC2 = "inetpub/logs/LogFiles/W3SVC2/";

    private final Path root;
    private Encoding encoding = Encoding.UTF8;
    private String eol = "\r\n";
    private boolean truncateLastLine;

    private Evidence(Path root) {
        this.root = root;
    }

    static Evidence in(Path root) {
        return new Evidence(root);
    }

    Evidence encoding(Encoding value) {
        this.encoding = value;
        return this;
    }

    Evidence lineEnding(String value) {
        this.eol = value;
        return this;
    }

    Evidence truncatedLastLine() {
        this.truncateLastLine = true;
        return this;
    }

    Path root() {
        return root;
    }

    Evidence write(String relative, List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean last = i == lines.size() - 1;
            if (last && truncateLastLine) {
                text.append(line, 0, line.length() / 2);
            } else {
                text.append(line).append(eol);
            }
        }
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, encode(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private byte[] encode(String text) {
        return switch (encoding) {
            case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
            case UTF8_BOM -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            case UTF16LE_BOM -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Packs the folder into a zip at {@code target}, entries named relative to the folder. */
    Path zipTo(Path target) {
        try (OutputStream file = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(file);
                Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new ZipEntry(root.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
