package org.exhunt.yara.module.pe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.module.ModuleRuntime;

/**
 * The runtime of YARA's {@code dotnet} module, metadata-root level: {@code is_dotnet},
 * {@code version}, the stream headers ({@code streams[]}, {@code number_of_streams}) and the
 * {@code #GUID} heap ({@code guids[]}, at most 16, as YARA) and the {@code #US} heap
 * ({@code user_strings[]}, raw UTF-16 bytes without their trailing flag byte). The {@code #~} tables
 * are not read, so assembly, resources, references, module name, typelib, constants and field
 * offsets stay undefined.
 *
 * <p>As in YARA, {@code is_dotnet} is 0 for a PE file whose CLI metadata is missing or malformed,
 * and undefined for data that is not PE.
 */
public final class DotnetRuntime implements ModuleRuntime {

    private static final long METADATA_MAGIC = 0x424A5342L;
    private static final int STREAM_NAME_SIZE = 32;
    private static final int MAX_GUID_BYTES = 256;

    @Override
    public String name() {
        return "dotnet";
    }

    @Override
    public Map<String, Object> load(byte[] data) {
        Map<String, Object> root = new LinkedHashMap<>();
        PeImage pe = PeImage.parse(data);
        if (pe == null) {
            return root;
        }
        root.put("is_dotnet", 0L);
        parseMetadata(pe, root);
        return root;
    }

    private static void parseMetadata(PeImage pe, Map<String, Object> root) {
        long cli = pe.rvaToOffset(pe.directory(14)[0]);
        if (cli < 0 || !pe.fits(cli, 72)) {
            return;
        }
        long metadata = pe.rvaToOffset(pe.u32(cli + 8));
        if (metadata < 0 || !pe.fits(metadata, 16) || pe.u32(metadata) != METADATA_MAGIC) {
            return;
        }
        long length = pe.u32(metadata + 12);
        if (length == 0 || length > 255 || length % 4 != 0 || !pe.fits(metadata + 16, length)) {
            return;
        }
        root.put("version", pe.cString(metadata + 16, length));
        long at = metadata + 16 + length + 2;
        if (!pe.fits(at, 2)) {
            return;
        }
        int streams = pe.u8(at); // YARA reads one byte of the two-byte count
        at += 2;
        List<Object> list = new ArrayList<>();
        long guidOffset = -1;
        long guidSize = 0;
        long usOffset = -1;
        long usSize = 0;
        int i = 0;
        for (; i < streams; i++) {
            if (!pe.fits(at, 8) || !pe.fits(at + 8, STREAM_NAME_SIZE) || !pe.terminated(at + 8, STREAM_NAME_SIZE)) {
                break;
            }
            String name = pe.cString(at + 8, STREAM_NAME_SIZE);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("offset", metadata + pe.u32(at));
            s.put("size", pe.u32(at + 4));
            list.add(s);
            if (name.startsWith("#GUID")) {
                guidOffset = metadata + pe.u32(at);
                guidSize = pe.u32(at + 4);
            } else if (name.startsWith("#US") && usOffset < 0 && !name.startsWith("#~") && !name.startsWith("#Strings")) {
                usOffset = metadata + pe.u32(at);
                usSize = pe.u32(at + 4);
            }
            at += 8 + name.length() + 4 - (name.length() % 4);
        }
        root.put("streams", list);
        root.put("number_of_streams", (long) i);
        if (guidOffset >= 0) {
            List<Object> guids = new ArrayList<>();
            long size = Math.min(guidSize, MAX_GUID_BYTES);
            for (long g = guidOffset; size >= 16 && pe.fits(g, 16); g += 16, size -= 16) {
                guids.add(String.format("%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", pe.u32(g), pe.u16(g + 4),
                        pe.u16(g + 6), pe.u8(g + 8), pe.u8(g + 9), pe.u8(g + 10), pe.u8(g + 11), pe.u8(g + 12),
                        pe.u8(g + 13), pe.u8(g + 14), pe.u8(g + 15)));
            }
            root.put("guids", guids);
            root.put("number_of_guids", (long) guids.size());
        }
        if (usOffset >= 0) {
            userStrings(pe, usOffset, usSize, root);
        }
        root.put("is_dotnet", 1L);
    }

    /** The #US heap: after a leading NUL, blobs of a compressed length then that many bytes; empty ones skipped. */
    private static void userStrings(PeImage pe, long offset, long size, Map<String, Object> root) {
        if (size == 0 || !pe.fits(offset, size) || pe.u8(offset) != 0) {
            return;
        }
        long end = offset + size;
        List<Object> strings = new ArrayList<>();
        for (long at = offset + 1; at < end; ) {
            long[] blob = blob(pe, at);
            if (blob == null) {
                break;
            }
            at += blob[1];
            if (blob[0] > 0 && pe.fits(at, blob[0])) {
                strings.add(pe.latin1((int) at, (int) blob[0] - 1));
                at += blob[0];
            }
        }
        root.put("user_strings", strings);
        root.put("number_of_user_strings", (long) strings.size());
    }

    /** {length, bytes the length took} of the ECMA-335 compressed length at {@code at}, or null. */
    private static long[] blob(PeImage pe, long at) {
        if (!pe.fits(at, 1)) {
            return null;
        }
        int b = pe.u8(at);
        if ((b & 0x80) == 0) {
            return new long[] {b, 1};
        }
        if ((b & 0xC0) == 0x80) {
            return pe.fits(at, 2) ? new long[] {((b & 0x3F) << 8) | pe.u8(at + 1), 2} : null;
        }
        if (at + 4 < pe.data.length && (b & 0xE0) == 0xC0) {
            return new long[] {((long) (b & 0x1F) << 24) | pe.u8(at + 1) << 16 | pe.u8(at + 2) << 8 | pe.u8(at + 3), 4};
        }
        return null;
    }
}
