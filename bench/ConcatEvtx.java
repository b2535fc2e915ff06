import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Builds one large EVTX file from the chunks of many: EVTX chunks are self-contained (each has its
 * own string and template tables), so chunks taken from other files, one after another behind one
 * file header, make a valid file for measuring how large EVTX files are read.
 *
 * <pre>java bench/ConcatEvtx.java --from DIR --out FILE --chunks N</pre>
 *
 * Takes every in-use chunk of the .evtx files under DIR in name order, round after round, until N
 * chunks (at most 65,535, what the header can count). The header is the first file's, with the
 * chunk count, last chunk number and checksum rewritten.
 */
public class ConcatEvtx {

    private static final int HEADER = 4096;
    private static final int CHUNK = 65536;
    private static final byte[] CHUNK_MAGIC = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

    public static void main(String[] args) throws IOException {
        Path from = null;
        Path out = null;
        int wanted = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--from" -> from = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--chunks" -> wanted = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (from == null || out == null || wanted < 1 || wanted > 65535) {
            throw new IllegalArgumentException("usage: java bench/ConcatEvtx.java --from DIR --out FILE --chunks 1..65535");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".evtx")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no .evtx files under " + from);
        byte[] header = Arrays.copyOf(Files.readAllBytes(files.get(0)), HEADER);
        int written = 0;
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(new byte[HEADER]); // the header is written last, when the count is known
            while (written < wanted) {
                int before = written;
                for (Path f : files) {
                    for (byte[] chunk : chunks(Files.readAllBytes(f))) {
                        if (written == wanted) break;
                        o.write(chunk);
                        written++;
                    }
                }
                if (written == before) throw new IllegalArgumentException("no chunk found under " + from);
            }
        }
        putLong(header, 8, 0);
        putLong(header, 16, written - 1);
        header[42] = (byte) written;
        header[43] = (byte) (written >>> 8);
        header[120] &= ~1; // not dirty
        CRC32 crc = new CRC32();
        crc.update(header, 0, 120);
        long sum = crc.getValue();
        for (int i = 0; i < 4; i++) header[124 + i] = (byte) (sum >>> (8 * i));
        try (var channel = java.nio.channels.FileChannel.open(out, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(header), 0);
        }
        System.out.println(out + ": " + written + " chunks, " + Files.size(out) + " bytes");
    }

    private static List<byte[]> chunks(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        for (int at = HEADER; at + CHUNK <= file.length; at += CHUNK) {
            if (Arrays.equals(file, at, at + CHUNK_MAGIC.length, CHUNK_MAGIC, 0, CHUNK_MAGIC.length)) {
                out.add(Arrays.copyOfRange(file, at, at + CHUNK));
            }
        }
        return out;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) b[at + i] = (byte) (v >>> (8 * i));
    }
}
