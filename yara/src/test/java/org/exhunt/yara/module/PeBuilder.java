package org.exhunt.yara.module;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small but complete PE images for tests: 32- or 64-bit, a rich header, three sections
 * (.text, .rdata with imports, exports and a CodeView debug entry, .rsrc with a resource tree and a
 * VS_VERSIONINFO), and an overlay. Fields are public to let tests damage the result.
 */
final class PeBuilder {

    static final int TEXT_RVA = 0x1000;
    static final int RDATA_RVA = 0x2000;
    static final int RSRC_RVA = 0x5000;
    static final int TEXT_OFFSET = 0x400;
    static final int RDATA_OFFSET = 0x600;
    static final int RSRC_OFFSET = 0x3600;
    static final int RDATA_SIZE = 0x3000;
    static final int RSRC_SIZE = 0x800;

    boolean is64;
    boolean dll = true;
    int machine = 0x14c;
    /** Library name to imports: a String is a name, an Integer an ordinal. */
    Map<String, List<Object>> imports = new LinkedHashMap<>();
    List<String> exports = new ArrayList<>(List.of("DllMain", "RunThing", "zeta_export"));
    Map<String, String> versionStrings = new LinkedHashMap<>();
    /** Strings of a second StringTable (language 040704b0), none when empty. */
    Map<String, String> secondStringTable = new LinkedHashMap<>();
    /** Writes VarFileInfo before StringFileInfo, as some compilers do. */
    boolean varFileInfoFirst;
    String pdbPath = "C:\\build\\sample\\Release\\sample.pdb";
    byte[] overlay = "OVERLAY-DATA".getBytes(StandardCharsets.ISO_8859_1);
    int[][] richEntries = {{0x0104, 30729, 5}, {0x00ff, 40219, 2}, {0x0093, 30729, 11}};
    long richKey = 0x1F2E3D4CL;
    int timestamp = 0x5F5E1000;
    /** Delay-load imports (library name to names or ordinals), written with RVA-based descriptors. */
    Map<String, List<Object>> delayedImports = new LinkedHashMap<>();
    /** A certificate table (WIN_CERTIFICATE entries) appended 8-aligned after the overlay, or null. */
    byte[] certificateTable;

    PeBuilder() {
        imports.put("KERNEL32.dll", List.of("GetProcAddress", "LoadLibraryA", "VirtualAlloc"));
        imports.put("WS2_32.dll", List.of(1, 3, 23, 115, 9999));
        imports.put("OLEAUT32.dll", List.of(2, 9));
        imports.put("user32.DLL", List.of("MessageBoxW", 2000));
        imports.put("msvcrt.sys", List.of("printf"));
        versionStrings.put("CompanyName", "Example Corp");
        versionStrings.put("FileDescription", "Sample library");
        versionStrings.put("OriginalFilename", "sample.dll");
        versionStrings.put("ProductVersion", "1.2.3.4");
    }

    byte[] build() {
        int rdataLength = RDATA_SIZE;
        int end = RSRC_OFFSET + RSRC_SIZE + overlay.length;
        int certificates = (end + 7) & ~7;
        byte[] image = new byte[certificateTable == null ? end : certificates + certificateTable.length];
        Buf b = new Buf(image);
        // DOS header and rich header.
        b.u16(0, 0x5A4D);
        int rich = 0x80;
        b.u32(rich, 0x536E6144L ^ richKey);
        b.u32(rich + 4, richKey);
        b.u32(rich + 8, richKey);
        b.u32(rich + 12, richKey);
        int at = rich + 16;
        for (int[] e : richEntries) {
            b.u32(at, ((long) e[0] << 16 | e[1]) ^ richKey);
            b.u32(at + 4, e[2] ^ richKey);
            at += 8;
        }
        b.u32(at, 0x68636952L);
        b.u32(at + 4, richKey);
        int nt = (at + 8 + 7) & ~7;
        b.u32(0x3C, nt);
        // File header.
        b.u32(nt, 0x4550);
        b.u16(nt + 4, machine);
        b.u16(nt + 6, 3);
        b.u32(nt + 8, timestamp);
        int optionalSize = is64 ? 240 : 224;
        b.u16(nt + 20, optionalSize);
        b.u16(nt + 22, 0x0102 | (dll ? 0x2000 : 0) | (is64 ? 0x20 : 0));
        // Optional header.
        int oh = nt + 24;
        b.u16(oh, is64 ? 0x20B : 0x10B);
        b.u8(oh + 2, 14);
        b.u8(oh + 3, 29);
        b.u32(oh + 4, 0x200);
        b.u32(oh + 8, RDATA_SIZE + RSRC_SIZE);
        b.u32(oh + 16, TEXT_RVA + 0x10);
        b.u32(oh + 20, TEXT_RVA);
        if (is64) {
            b.u64(oh + 24, 0x180000000L);
        } else {
            b.u32(oh + 24, RDATA_RVA);
            b.u32(oh + 28, 0x10000000L);
        }
        b.u32(oh + 32, 0x1000);
        b.u32(oh + 36, 0x200);
        b.u16(oh + 40, 6);
        b.u16(oh + 44, 1);
        b.u16(oh + 46, 2);
        b.u16(oh + 48, 6);
        b.u16(oh + 50, 1);
        b.u32(oh + 56, 0x6000);
        b.u32(oh + 60, 0x400);
        b.u32(oh + 64, 0x1234);
        b.u16(oh + 68, 2);
        b.u16(oh + 70, 0x8160);
        int stack = oh + 72;
        if (is64) {
            b.u64(stack, 0x100000);
            b.u64(stack + 8, 0x1000);
            b.u64(stack + 16, 0x100000);
            b.u64(stack + 24, 0x1000);
            b.u32(oh + 108, 16);
        } else {
            b.u32(stack, 0x100000);
            b.u32(stack + 4, 0x1000);
            b.u32(stack + 8, 0x100000);
            b.u32(stack + 12, 0x1000);
            b.u32(oh + 92, 16);
        }
        int dirs = oh + (is64 ? 112 : 96);
        // Sections.
        int sections = oh + optionalSize;
        section(b, sections, ".text", TEXT_RVA, 0x100, TEXT_OFFSET, 0x200, 0x60000020L);
        section(b, sections + 40, ".rdata", RDATA_RVA, rdataLength, RDATA_OFFSET, rdataLength, 0x40000040L);
        section(b, sections + 80, ".rsrc", RSRC_RVA, RSRC_SIZE, RSRC_OFFSET, RSRC_SIZE, 0x40000040L);
        image[TEXT_OFFSET + 0x10] = (byte) 0xC3;
        // .rdata: imports, exports, debug.
        Area rdata = new Area(b, RDATA_OFFSET, RDATA_RVA);
        int[] importDir = writeImports(rdata);
        b.u32(dirs + 8, importDir[0]);
        b.u32(dirs + 12, importDir[1]);
        int[] exportDir = writeExports(rdata);
        b.u32(dirs, exportDir[0]);
        b.u32(dirs + 4, exportDir[1]);
        if (!delayedImports.isEmpty()) {
            int[] delayDir = writeDelayedImports(rdata);
            b.u32(dirs + 13 * 8, delayDir[0]);
            b.u32(dirs + 13 * 8 + 4, delayDir[1]);
        }
        int debug = writeDebug(rdata);
        b.u32(dirs + 6 * 8, debug);
        b.u32(dirs + 6 * 8 + 4, 28);
        // .rsrc
        Area rsrc = new Area(b, RSRC_OFFSET, RSRC_RVA);
        int rsrcSize = writeResources(rsrc);
        b.u32(dirs + 2 * 8, RSRC_RVA);
        b.u32(dirs + 2 * 8 + 4, rsrcSize);
        System.arraycopy(overlay, 0, image, RSRC_OFFSET + RSRC_SIZE, overlay.length);
        if (certificateTable != null) {
            System.arraycopy(certificateTable, 0, image, certificates, certificateTable.length);
            b.u32(dirs + 4 * 8, certificates);
            b.u32(dirs + 4 * 8 + 4, certificateTable.length);
        }
        return image;
    }

    private static void section(Buf b, int at, String name, int rva, int vsize, int offset, int rawSize, long flags) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(n, 0, b.d, at, Math.min(8, n.length));
        b.u32(at + 8, vsize);
        b.u32(at + 12, rva);
        b.u32(at + 16, rawSize);
        b.u32(at + 20, offset);
        b.u32(at + 36, flags);
    }

    private int[] writeImports(Area a) {
        int descriptors = a.alloc(20 * (imports.size() + 1), 4);
        int i = 0;
        for (Map.Entry<String, List<Object>> e : imports.entrySet()) {
            int width = is64 ? 8 : 4;
            int lookup = a.alloc(width * (e.getValue().size() + 1), 8);
            int iat = a.alloc(width * (e.getValue().size() + 1), 8);
            int j = 0;
            for (Object f : e.getValue()) {
                long thunk;
                if (f instanceof Integer ordinal) {
                    thunk = (is64 ? Long.MIN_VALUE : 0x80000000L) | ordinal;
                } else {
                    int hint = a.alloc(2 + ((String) f).length() + 1, 2);
                    a.string(hint + 2, (String) f);
                    thunk = a.rva(hint);
                }
                a.word(lookup + j * width, thunk, is64);
                a.word(iat + j * width, thunk, is64);
                j++;
            }
            int name = a.alloc(e.getKey().length() + 1, 1);
            a.string(name, e.getKey());
            int d = descriptors + 20 * i++;
            a.b.u32(a.file(d), a.rva(lookup));
            a.b.u32(a.file(d + 12), a.rva(name));
            a.b.u32(a.file(d + 16), a.rva(iat));
        }
        return new int[] {a.rva(descriptors), 20 * (imports.size() + 1)};
    }

    private int[] writeDelayedImports(Area a) {
        int descriptors = a.alloc(32 * (delayedImports.size() + 1), 4);
        int i = 0;
        int width = is64 ? 8 : 4;
        for (Map.Entry<String, List<Object>> e : delayedImports.entrySet()) {
            int names = a.alloc(width * (e.getValue().size() + 1), 8);
            int iat = a.alloc(width * (e.getValue().size() + 1), 8);
            int handle = a.alloc(width, 8);
            int j = 0;
            for (Object f : e.getValue()) {
                long entry;
                if (f instanceof Integer ordinal) {
                    entry = (is64 ? Long.MIN_VALUE : 0x80000000L) | ordinal;
                } else {
                    int hint = a.alloc(2 + ((String) f).length() + 1, 2);
                    a.string(hint + 2, (String) f);
                    entry = a.rva(hint);
                }
                a.word(names + j * width, entry, is64);
                a.word(iat + j * width, TEXT_RVA + 0x20 + j, is64);
                j++;
            }
            int name = a.alloc(e.getKey().length() + 1, 1);
            a.string(name, e.getKey());
            int d = descriptors + 32 * i++;
            a.b.u32(a.file(d), 1);
            a.b.u32(a.file(d + 4), a.rva(name));
            a.b.u32(a.file(d + 8), a.rva(handle));
            a.b.u32(a.file(d + 12), a.rva(iat));
            a.b.u32(a.file(d + 16), a.rva(names));
        }
        return new int[] {a.rva(descriptors), 32 * (delayedImports.size() + 1)};
    }

    private int[] writeExports(Area a) {
        int dir = a.alloc(40, 4);
        int start = dir;
        int count = exports.size() + 2; // one unnamed export and one forwarder besides the named ones
        int functions = a.alloc(4 * count, 4);
        int names = a.alloc(4 * exports.size(), 4);
        int ordinals = a.alloc(2 * exports.size(), 2);
        int dllName = a.alloc(16, 1);
        a.string(dllName, "sample.dll");
        List<String> sorted = new ArrayList<>(exports);
        java.util.Collections.sort(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            int n = a.alloc(sorted.get(i).length() + 1, 1);
            a.string(n, sorted.get(i));
            a.b.u32(a.file(names + 4 * i), a.rva(n));
            a.b.u16(a.file(ordinals + 2 * i), exports.indexOf(sorted.get(i)));
        }
        for (int i = 0; i < exports.size() + 1; i++) {
            a.b.u32(a.file(functions + 4 * i), TEXT_RVA + 0x10 + i);
        }
        int forwarder = a.alloc(24, 1);
        a.string(forwarder, "NTDLL.RtlAllocateHeap");
        a.b.u32(a.file(functions + 4 * (count - 1)), a.rva(forwarder));
        int end = a.alloc(0, 4);
        a.b.u32(a.file(dir + 4), timestamp + 1);
        a.b.u32(a.file(dir + 12), a.rva(dllName));
        a.b.u32(a.file(dir + 16), 5);
        a.b.u32(a.file(dir + 20), count);
        a.b.u32(a.file(dir + 24), exports.size());
        a.b.u32(a.file(dir + 28), a.rva(functions));
        a.b.u32(a.file(dir + 32), a.rva(names));
        a.b.u32(a.file(dir + 36), a.rva(ordinals));
        return new int[] {a.rva(start), end - start};
    }

    private int writeDebug(Area a) {
        int dir = a.alloc(28, 4);
        int cv = a.alloc(24 + pdbPath.length() + 1, 4);
        a.b.u32(a.file(cv), 0x53445352L);
        a.b.u32(a.file(cv + 20), 1);
        a.string(cv + 24, pdbPath);
        a.b.u32(a.file(dir + 12), 2);
        a.b.u32(a.file(dir + 16), 24 + pdbPath.length() + 1);
        a.b.u32(a.file(dir + 20), a.rva(cv));
        a.b.u32(a.file(dir + 24), a.file(cv));
        return a.rva(dir);
    }

    /** Root with a VERSION type (id 1, language 0x409), an ICON type (id 1, 0x407) and a named type. */
    private int writeResources(Area a) {
        int root = a.alloc(16 + 3 * 8, 4);
        a.b.u32(a.file(root + 4), timestamp + 2);
        a.b.u16(a.file(root + 8), 4);
        a.b.u16(a.file(root + 10), 1);
        a.b.u16(a.file(root + 12), 1); // one named entry
        a.b.u16(a.file(root + 14), 2);
        byte[] version = versionInfo();
        int versionData = a.alloc(version.length, 4);
        System.arraycopy(version, 0, a.b.d, a.file(versionData), version.length);
        int icon = a.alloc(32, 4);
        int named = a.alloc(8, 4);
        int typeName = a.alloc(2 + 2 * 6, 2);
        a.wide(typeName, "MYTYPE");
        int leafName = a.alloc(2 + 2 * 5, 2);
        a.wide(leafName, "MYRES");
        int[][] leaves = {{versionData, version.length}, {icon, 32}, {named, 8}};
        int[] types = {0x80000000 | (typeName - root), 3, 16};
        int[] ids = {0x80000000 | (leafName - root), 1, 1};
        int[] languages = {0x409, 0x407, 0x409};
        int[] leafOrder = {2, 1, 0};
        for (int t = 0; t < 3; t++) {
            int nameDir = a.alloc(16 + 8, 4);
            a.b.u16(a.file(nameDir + (ids[t] < 0 ? 12 : 14)), 1);
            int langDir = a.alloc(16 + 8, 4);
            a.b.u16(a.file(langDir + 14), 1);
            int entry = a.alloc(16, 4);
            int[] leaf = leaves[leafOrder[t]];
            a.b.u32(a.file(entry), a.rva(leaf[0]));
            a.b.u32(a.file(entry + 4), leaf[1]);
            a.b.u32(a.file(root + 16 + 8 * t), types[t]);
            a.b.u32(a.file(root + 16 + 8 * t + 4), 0x80000000L | (nameDir - root));
            a.b.u32(a.file(nameDir + 16), ids[t]);
            a.b.u32(a.file(nameDir + 20), 0x80000000L | (langDir - root));
            a.b.u32(a.file(langDir + 16), languages[t]);
            a.b.u32(a.file(langDir + 20), entry - root);
        }
        return a.alloc(0, 4) - root;
    }

    private byte[] versionInfo() {
        Buf out = new Buf(new byte[4096]);
        return Arrays.copyOf(out.d, versionBlock(out));
    }

    /** VS_VERSIONINFO with StringFileInfo / 040904b0 / the strings, then VarFileInfo. */
    private byte[] fixedInfo() {
        byte[] f = new byte[52];
        Buf b = new Buf(f);
        b.u32(0, 0xFEEF04BDL);
        b.u32(4, 0x10000);
        return f;
    }

    private int versionBlock(Buf out) {
        int at = 0;
        byte[] value = fixedInfo();
        int p = header(out, at, "VS_VERSION_INFO", value.length, 0);
        System.arraycopy(value, 0, out.d, p, value.length);
        p = align(p + value.length);
        if (varFileInfoFirst) {
            p = varFileInfo(out, p);
            p = stringFileInfo(out, p);
        } else {
            p = stringFileInfo(out, p);
            p = varFileInfo(out, p);
        }
        out.u16(at, p - at);
        return p;
    }

    private int stringFileInfo(Buf out, int sfi) {
        int p = header(out, sfi, "StringFileInfo", 0, 1);
        List<Map<String, String>> tables = new ArrayList<>(List.of(versionStrings));
        if (!secondStringTable.isEmpty()) {
            tables.add(secondStringTable);
        }
        String[] languages = {"040904b0", "040704b0"};
        for (int t = 0; t < tables.size(); t++) {
            int table = p;
            p = header(out, table, languages[t], 0, 1);
            for (Map.Entry<String, String> s : tables.get(t).entrySet()) {
                int string = p;
                int valueLength = s.getValue().isEmpty() ? 0 : s.getValue().length() + 1;
                p = header(out, string, s.getKey(), valueLength, 1);
                p = out.wide(p, s.getValue());
                p = align(p);
                out.u16(string, p - string);
            }
            out.u16(table, p - table);
        }
        out.u16(sfi, p - sfi);
        return p;
    }

    private static int varFileInfo(Buf out, int vfi) {
        int p = header(out, vfi, "VarFileInfo", 0, 1);
        int var = p;
        p = header(out, var, "Translation", 4, 0);
        out.u32(p, 0x04B00409L);
        p += 4;
        out.u16(var, p - var);
        out.u16(vfi, p - vfi);
        return p;
    }

    /** Writes wLength (fixed later), wValueLength, wType and the key; returns the aligned end. */
    private static int header(Buf out, int at, String key, int valueLength, int type) {
        out.u16(at + 2, valueLength);
        out.u16(at + 4, type);
        return align(out.wide(at + 6, key));
    }

    private static int align(int v) {
        return (v + 3) & ~3;
    }

    /** Bytes of one section, allocated front to back. */
    private static final class Area {
        final Buf b;
        final int fileBase;
        final int rvaBase;
        int next;

        Area(Buf b, int fileBase, int rvaBase) {
            this.b = b;
            this.fileBase = fileBase;
            this.rvaBase = rvaBase;
        }

        /** Position (relative to the section) of {@code size} fresh bytes. */
        int alloc(int size, int alignment) {
            next = (next + alignment - 1) / alignment * alignment;
            int at = next;
            next += size;
            return at;
        }

        int rva(int at) {
            return rvaBase + at;
        }

        int file(int at) {
            return fileBase + at;
        }

        void string(int at, String s) {
            byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(bytes, 0, b.d, file(at), bytes.length);
        }

        void wide(int at, String s) {
            b.u16(file(at), s.length());
            for (int i = 0; i < s.length(); i++) {
                b.u16(file(at) + 2 + 2 * i, s.charAt(i));
            }
        }

        void word(int at, long v, boolean is64) {
            if (is64) {
                b.u64(file(at), v);
            } else {
                b.u32(file(at), v);
            }
        }
    }

    /** Little-endian writes into an array. */
    static final class Buf {
        final byte[] d;

        Buf(byte[] d) {
            this.d = d;
        }

        void u8(int at, int v) {
            d[at] = (byte) v;
        }

        void u16(int at, int v) {
            d[at] = (byte) v;
            d[at + 1] = (byte) (v >> 8);
        }

        void u32(int at, long v) {
            for (int i = 0; i < 4; i++) {
                d[at + i] = (byte) (v >> (8 * i));
            }
        }

        void u64(int at, long v) {
            for (int i = 0; i < 8; i++) {
                d[at + i] = (byte) (v >> (8 * i));
            }
        }

        /** Writes {@code s} as UTF-16LE with a terminating NUL; returns the end. */
        int wide(int at, String s) {
            for (int i = 0; i < s.length(); i++) {
                u16(at + 2 * i, s.charAt(i));
            }
            u16(at + 2 * s.length(), 0);
            return at + 2 * s.length() + 2;
        }
    }
}
