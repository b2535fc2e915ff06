package org.exhunt.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes EVTX bytes token by token, so tests can build records the corpus lacks (CDATA, entity
 * and character references, processing instructions, nested BinXML, arrays, templates reused by
 * offset). Offsets are chunk-relative, as in the format; names are always written inline.
 */
final class ChunkBuilder {

    private final byte[] chunk = new byte[65536];
    private java.util.Map<String, Integer> names = new java.util.HashMap<>();
    private int pos = 512;
    private long nextRecordId = 1;
    private int recordStart;

    /** One substitution value: its type code and bytes. */
    record Value(int type, byte[] bytes) {
        static Value string(String s) {
            return new Value(0x01, (s + "\0").getBytes(StandardCharsets.UTF_16LE));
        }

        static Value uint16(int v) {
            return new Value(0x06, new byte[] {(byte) v, (byte) (v >>> 8)});
        }

        static Value uint32(long v) {
            return new Value(0x08, new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
        }

        static Value hex64(long v) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (v >>> (8 * i));
            }
            return new Value(0x15, b);
        }

        static Value nul() {
            return new Value(0x00, new byte[0]);
        }

        static Value binary(byte... bytes) {
            return new Value(0x0E, bytes);
        }

        static Value stringArray(String... items) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String s : items) {
                out.writeBytes((s + "\0").getBytes(StandardCharsets.UTF_16LE));
            }
            return new Value(0x81, out.toByteArray());
        }
    }

    int position() {
        return pos;
    }

    ChunkBuilder startRecord() {
        recordStart = pos;
        u32(0x00002a2a);
        u32(0);
        u64(nextRecordId++);
        u64(132_000_000_000_000_000L);
        return this;
    }

    ChunkBuilder endRecord() {
        int size = pos - recordStart + 4;
        u32(size);
        putU32(recordStart + 4, size);
        return this;
    }

    ChunkBuilder fragmentHeader() {
        u8(0x0F);
        u8(1);
        u8(1);
        u8(0);
        return this;
    }

    ChunkBuilder open(String name, boolean attributes) {
        return open(name, attributes, true);
    }

    ChunkBuilder open(String name, boolean attributes, boolean dependencyId) {
        u8(attributes ? 0x41 : 0x01);
        if (dependencyId) {
            u16(0xFFFF);
        }
        u32(0);
        name(name);
        if (attributes) {
            u32(0);
        }
        return this;
    }

    ChunkBuilder attribute(String name, boolean more) {
        u8(more ? 0x46 : 0x06);
        name(name);
        return this;
    }

    ChunkBuilder closeStart() {
        u8(0x02);
        return this;
    }

    ChunkBuilder closeEmpty() {
        u8(0x03);
        return this;
    }

    ChunkBuilder end() {
        u8(0x04);
        return this;
    }

    ChunkBuilder text(String s) {
        u8(0x05);
        u8(0x01);
        u16(s.length());
        utf16(s);
        return this;
    }

    ChunkBuilder cdata(String s) {
        u8(0x07);
        u16(s.length());
        utf16(s);
        return this;
    }

    ChunkBuilder charRef(char c) {
        u8(0x08);
        u16(c);
        return this;
    }

    ChunkBuilder entityRef(String name) {
        u8(0x09);
        name(name);
        return this;
    }

    ChunkBuilder pi(String target, String data) {
        u8(0x0A);
        name(target);
        u8(0x0B);
        u16(data.length());
        utf16(data);
        return this;
    }

    ChunkBuilder substitution(int index, int type, boolean optional) {
        u8(optional ? 0x0E : 0x0D);
        u16(index);
        u8(type);
        return this;
    }

    ChunkBuilder endOfStream() {
        u8(0x00);
        return this;
    }

    /** A template instance defining its template inline; returns the definition's offset via {@code offsetOut[0]}. */
    ChunkBuilder templateInline(Runnable body, int[] offsetOut, Value... values) {
        u8(0x0C);
        u8(0x01);
        u32(0x1234);
        int definition = pos + 4;
        u32(definition);
        offsetOut[0] = definition;
        u32(0);
        for (int i = 0; i < 16; i++) {
            u8(i);
        }
        int sizeAt = pos;
        u32(0);
        int bodyStart = pos;
        body.run();
        putU32(sizeAt, pos - bodyStart);
        return values(values);
    }

    /** A template instance whose template was defined earlier in the chunk. */
    ChunkBuilder templateByOffset(int definition, Value... values) {
        u8(0x0C);
        u8(0x01);
        u32(0x1234);
        u32(definition);
        return values(values);
    }

    private ChunkBuilder values(Value... values) {
        u32(values.length);
        for (Value v : values) {
            u16(v.bytes().length);
            u8(v.type());
            u8(0);
        }
        for (Value v : values) {
            for (byte b : v.bytes()) {
                u8(b);
            }
        }
        return this;
    }

    /**
     * Bytes of nested BinXML written by {@code body}. It may only use names already written in
     * this chunk: they are referenced by offset, so the bytes can land anywhere.
     */
    Value binXml(java.util.function.Consumer<ChunkBuilder> body) {
        ChunkBuilder nested = new ChunkBuilder();
        nested.names = names;
        nested.pos = 0;
        body.accept(nested);
        if (nested.names.size() != names.size() || nested.pos == 0) {
            throw new IllegalStateException("nested BinXML must only use names known to the chunk");
        }
        return new Value(0x21, java.util.Arrays.copyOfRange(nested.chunk, 0, nested.pos));
    }

    /** A whole file: header plus this one chunk, with valid checksums. */
    byte[] file() {
        int records = (int) nextRecordId - 1;
        byte[] c = chunk.clone();
        put(c, 0, "ElfChnk\0");
        putU64(c, 8, 1);
        putU64(c, 16, records);
        putU64(c, 24, 1);
        putU64(c, 32, records);
        putU32(c, 40, 128);
        putU32(c, 44, recordStart);
        putU32(c, 48, pos);
        CRC32 crc = new CRC32();
        crc.update(c, 512, pos - 512);
        putU32(c, 52, (int) crc.getValue());
        crc.reset();
        crc.update(c, 0, 120);
        crc.update(c, 128, 384);
        putU32(c, 124, (int) crc.getValue());
        byte[] file = new byte[4096 + 65536];
        put(file, 0, "ElfFile\0");
        putU32(file, 32, 128);
        file[36] = 1;
        file[38] = 3;
        file[41] = 0x10;
        file[42] = 1;
        crc.reset();
        crc.update(file, 0, 120);
        putU32(file, 124, (int) crc.getValue());
        System.arraycopy(c, 0, file, 4096, 65536);
        return file;
    }

    /** The record area of the chunk, as fuzz input for {@link EvtxFuzzInput}. */
    byte[] recordArea() {
        return java.util.Arrays.copyOfRange(chunk, 512, pos);
    }

    private void name(String name) {
        Integer known = names.get(name);
        if (known != null) {
            u32(known);
            return;
        }
        names.put(name, pos + 4);
        u32(pos + 4);
        u32(0);
        u16(0);
        u16(name.length());
        utf16(name);
        u16(0);
    }

    private void utf16(String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_16LE)) {
            u8(b);
        }
    }

    private void u8(int v) {
        chunk[pos++] = (byte) v;
    }

    private void u16(int v) {
        u8(v);
        u8(v >>> 8);
    }

    private void u32(long v) {
        u16((int) v);
        u16((int) (v >>> 16));
    }

    private void u64(long v) {
        u32(v);
        u32(v >>> 32);
    }

    private void putU32(int at, int v) {
        putU32(chunk, at, v);
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static void putU64(byte[] b, int at, long v) {
        putU32(b, at, (int) v);
        putU32(b, at + 4, (int) (v >>> 32));
    }

    private static void put(byte[] b, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            b[at + i] = (byte) ascii.charAt(i);
        }
    }

    static List<EvtxRecord> read(byte[] file, List<EvtxProblem> problems) {
        List<EvtxRecord> out = new ArrayList<>();
        problems.addAll(EvtxReader.sequential().read(file, out::add).problems());
        return out;
    }
}
