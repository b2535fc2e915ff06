package org.exhunt.yara.module.pe;

/**
 * A view of a PE file's headers over the raw bytes, accepted with YARA's rules: an MZ header,
 * {@code e_lfanew} not negative, the PE signature, and a whole optional header (224 bytes for
 * PE32, 240 for PE32+) inside the data. Every read is bounds-checked; nothing is copied.
 */
final class PeImage {

    /** YARA reads at most this many section headers (MAX_PE_SECTIONS). */
    static final int MAX_SECTIONS = 96;

    private static final int OPTIONAL_HEADER32_SIZE = 224;
    private static final int OPTIONAL_HEADER64_SIZE = 240;

    final byte[] data;
    final int ntHeader;
    final int optionalHeader;
    final boolean is64;

    private PeImage(byte[] data, int ntHeader) {
        this.data = data;
        this.ntHeader = ntHeader;
        this.optionalHeader = ntHeader + 24;
        this.is64 = u16(optionalHeader) == 0x20B;
    }

    /** The image, or null when YARA would not take the data for a PE file. */
    static PeImage parse(byte[] data) {
        if (data.length < 64 || u16(data, 0) != 0x5A4D) {
            return null;
        }
        long lfanew = (int) u32(data, 0x3C);
        if (lfanew < 0) {
            return null;
        }
        long headers = lfanew + 4 + 20;
        if (data.length < headers || u32(data, (int) lfanew) != 0x00004550L) {
            return null;
        }
        if (data.length < headers + OPTIONAL_HEADER32_SIZE) {
            return null;
        }
        int magic = u16(data, (int) lfanew + 24);
        headers += magic == 0x20B ? OPTIONAL_HEADER64_SIZE : OPTIONAL_HEADER32_SIZE;
        if (data.length < headers) {
            return null;
        }
        return new PeImage(data, (int) lfanew);
    }

    int machine() {
        return u16(ntHeader + 4);
    }

    int numberOfSections() {
        return u16(ntHeader + 6);
    }

    long pointerToSymbolTable() {
        return u32(ntHeader + 12);
    }

    long numberOfSymbols() {
        return u32(ntHeader + 16);
    }

    int sizeOfOptionalHeader() {
        return u16(ntHeader + 20);
    }

    int characteristics() {
        return u16(ntHeader + 22);
    }

    long fileAlignment() {
        return u32(optionalHeader + 36);
    }

    long imageBase() {
        return is64 ? u64(optionalHeader + 24) : u32(optionalHeader + 28);
    }

    long sizeOfImage() {
        return u32(optionalHeader + 56);
    }

    /** Where the data directories start; the header check guarantees all sixteen are inside the data. */
    int dataDirectories() {
        return optionalHeader + (is64 ? 112 : 96);
    }

    int firstSection() {
        return optionalHeader + sizeOfOptionalHeader();
    }

    /**
     * Data directory {@code entry} as {virtual address, size}. As YARA 4.2, neither
     * NumberOfRvaAndSizes nor SizeOfOptionalHeader limits which entries are read.
     */
    long[] directory(int entry) {
        int at = dataDirectories() + entry * 8;
        return new long[] {u32(at), u32(at + 4)};
    }

    /** The file offset YARA maps an RVA to, or -1 (pe_rva_to_offset). */
    long rvaToOffset(long rva) {
        long lowestRva = 0xFFFFFFFFL;
        long sectionRva = 0;
        long sectionOffset = 0;
        long sectionRawSize = 0;
        int count = Math.min(numberOfSections(), MAX_SECTIONS);
        int section = firstSection();
        for (int i = 0; i < count; i++, section += 40) {
            if (!fits(section, 40)) {
                return -1;
            }
            long va = u32(section + 12);
            if (lowestRva > va) {
                lowestRva = va;
            }
            if (Long.compareUnsigned(rva, va) >= 0 && Long.compareUnsigned(rva - va, u32(section + 8)) < 0
                    && sectionRva <= va) {
                long alignment = Math.min(fileAlignment(), 0x200);
                sectionRva = va;
                sectionOffset = u32(section + 20);
                sectionRawSize = u32(section + 16);
                if (alignment != 0) {
                    sectionOffset -= sectionOffset % alignment;
                }
            }
        }
        if (Long.compareUnsigned(rva, lowestRva) < 0) {
            sectionRva = 0;
            sectionOffset = 0;
            sectionRawSize = data.length & 0xFFFFFFFFL;
        }
        if (Long.compareUnsigned(rva - sectionRva, sectionRawSize) >= 0) {
            return -1;
        }
        long result = sectionOffset + (rva - sectionRva);
        if (result < 0 || result >= data.length) {
            return -1;
        }
        return result;
    }

    boolean fits(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= data.length && length <= data.length - offset;
    }

    /** Bytes left from {@code offset} to the end, 0 outside the data (available_space). */
    long available(long offset) {
        return offset < 0 || offset >= data.length ? 0 : data.length - offset;
    }

    int u8(long offset) {
        return fits(offset, 1) ? data[(int) offset] & 0xFF : 0;
    }

    int u16(long offset) {
        return fits(offset, 2) ? u16(data, (int) offset) : 0;
    }

    long u32(long offset) {
        return fits(offset, 4) ? u32(data, (int) offset) : 0;
    }

    long u64(long offset) {
        return fits(offset, 8) ? u32(data, (int) offset) | (u32(data, (int) offset + 4) << 32) : 0;
    }

    /** The NUL-terminated string at {@code offset}, at most {@code max} bytes, one char per byte. */
    String cString(long offset, long max) {
        if (offset < 0 || offset >= data.length) {
            return "";
        }
        int end = (int) offset;
        long limit = max >= data.length - offset ? data.length : offset + max;
        while (end < limit && data[end] != 0) {
            end++;
        }
        return latin1((int) offset, end - (int) offset);
    }

    /** Whether a NUL ends the string at {@code offset} within the data (strnlen below the space left). */
    boolean terminated(long offset, long max) {
        if (offset < 0 || offset >= data.length) {
            return false;
        }
        long limit = max >= data.length - offset ? data.length : offset + max;
        for (long i = offset; i < limit; i++) {
            if (data[(int) i] == 0) {
                return true;
            }
        }
        return false;
    }

    String latin1(int offset, int length) {
        return new String(data, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static int u16(byte[] d, int o) {
        return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8;
    }

    static long u32(byte[] d, int o) {
        return (d[o] & 0xFFL) | (d[o + 1] & 0xFFL) << 8 | (d[o + 2] & 0xFFL) << 16 | (d[o + 3] & 0xFFL) << 24;
    }
}
