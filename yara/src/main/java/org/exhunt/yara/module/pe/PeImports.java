package org.exhunt.yara.module.pe;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the import directory and the delay-load directory as YARA does: at most 16384
 * descriptors and 16384 functions in all, library names of printable characters ending within
 * 256 bytes, function names of at most 512 bytes, ordinals named through {@link OrdinalNames}.
 */
final class PeImports {

    static final int MAX_IMPORTS = 16384;
    private static final int MAX_DLL_NAME = 256;
    private static final int MAX_FUNCTION_NAME = 512;

    private PeImports() {
    }

    /**
     * The libraries with at least one function read, and {@code descriptors}: what YARA 4.2 reports
     * as {@code number_of_imports}, the count of import descriptors walked, whether or not their
     * library name or functions could be read, except those whose name is readable but not a valid
     * library name (those are skipped uncounted).
     */
    record Table(List<ImportedDll> dlls, int descriptors) {
    }

    static Table standard(PeImage pe) {
        List<ImportedDll> dlls = new ArrayList<>();
        long[] dir = pe.directory(1);
        if (dir[0] == 0) {
            return new Table(dlls, 0);
        }
        long offset = pe.rvaToOffset(dir[0]);
        if (offset < 0) {
            return new Table(dlls, 0);
        }
        int[] functionCount = {0};
        int descriptors = 0;
        for (long d = offset; pe.fits(d, 20) && pe.u32(d + 12) != 0 && descriptors < MAX_IMPORTS; d += 20) {
            long nameOffset = pe.rvaToOffset(pe.u32(d + 12));
            if (nameOffset >= 0) {
                if (!validDllName(pe, nameOffset, Math.min(pe.data.length - nameOffset, MAX_DLL_NAME))) {
                    continue;
                }
                String dllName = pe.cString(nameOffset, Long.MAX_VALUE);
                List<ImportedDll.Function> functions = functions(pe, d, dllName, functionCount);
                if (!functions.isEmpty()) {
                    dlls.add(new ImportedDll(dllName, functions));
                }
            }
            descriptors++;
        }
        return new Table(dlls, descriptors);
    }

    private static List<ImportedDll.Function> functions(PeImage pe, long descriptor, String dllName, int[] total) {
        List<ImportedDll.Function> functions = new ArrayList<>();
        long firstThunk = pe.u32(descriptor + 16);
        long offset = pe.rvaToOffset(pe.u32(descriptor));
        if (offset <= 0) {
            offset = pe.rvaToOffset(firstThunk);
        }
        if (offset < 0) {
            return functions;
        }
        int width = pe.is64 ? 8 : 4;
        long ordinalFlag = pe.is64 ? Long.MIN_VALUE : 0x80000000L;
        int parsed = 0;
        for (long index = 0; ; index++, offset += width) {
            if (!pe.fits(offset, width) || parsed >= MAX_IMPORTS || total[0] >= MAX_IMPORTS) {
                break;
            }
            long thunk = pe.is64 ? pe.u64(offset) : pe.u32(offset);
            if (thunk == 0) {
                break;
            }
            parsed++;
            String name = null;
            long ordinal = -1;
            if ((thunk & ordinalFlag) == 0) {
                long at = pe.rvaToOffset(pe.is64 ? thunk : thunk & 0xFFFFFFFFL);
                if (at >= 0 && pe.fits(at, 4)) {
                    name = pe.cString(at + 2, Math.min(pe.available(at + 2), MAX_FUNCTION_NAME));
                }
            } else if (Long.compareUnsigned(thunk, ordinalFlag | 0xFFFF) <= 0) {
                ordinal = thunk & 0xFFFF;
                name = OrdinalNames.lookup(dllName, (int) ordinal);
            }
            if (name != null && !validFunctionName(name)) {
                continue;
            }
            if (name != null || ordinal >= 0) {
                functions.add(new ImportedDll.Function(name, ordinal, firstThunk + (long) width * index));
                total[0]++;
            }
        }
        return functions;
    }

    /** Delay-load imports (IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT), with the old VA-based form converted. */
    static List<ImportedDll> delayed(PeImage pe) {
        List<ImportedDll> dlls = new ArrayList<>();
        long[] dir = pe.directory(13);
        if (dir[0] == 0) {
            return dlls;
        }
        long offset = pe.rvaToOffset(dir[0]);
        if (offset < 0) {
            return dlls;
        }
        long imageBase = pe.imageBase();
        long sizeOfImage = pe.sizeOfImage();
        int width = pe.is64 ? 8 : 4;
        long ordinalFlag = pe.is64 ? Long.MIN_VALUE : 0x80000000L;
        int functionsTotal = 0;
        for (long d = offset; pe.fits(d, 32) && dlls.size() < MAX_IMPORTS; d += 32) {
            long attributes = pe.u32(d);
            long nameRva = pe.u32(d + 4);
            long iatRva = pe.u32(d + 12);
            long intRva = pe.u32(d + 16);
            boolean terminator = true;
            for (int i = 0; i < 32; i += 4) {
                terminator &= pe.u32(d + i) == 0;
            }
            if (terminator || attributes > 1) {
                break;
            }
            if (!pe.is64 && attributes == 0) {
                nameRva = normalize(imageBase, nameRva);
                iatRva = normalize(imageBase, iatRva);
                intRva = normalize(imageBase, intRva);
            }
            if (intRva >= sizeOfImage || iatRva >= sizeOfImage || nameRva < 64 || intRva < 64) {
                break;
            }
            long nameOffset = pe.rvaToOffset(nameRva);
            if (nameOffset < 0 || !validDllName(pe, nameOffset, pe.data.length - nameOffset)) {
                continue;
            }
            String dllName = pe.cString(nameOffset, Long.MAX_VALUE);
            List<ImportedDll.Function> functions = new ArrayList<>();
            long nameAt = intRva;
            long funcAt = iatRva;
            while (functionsTotal < MAX_IMPORTS) {
                Long nameAddress = pointer(pe, nameAt, width);
                Long funcAddress = pointer(pe, funcAt, width);
                if (nameAddress == null || funcAddress == null || nameAddress == 0 || funcAddress == 0) {
                    break;
                }
                String name;
                long ordinal = -1;
                if ((nameAddress & ordinalFlag) == 0) {
                    long rva = attributes == 0 ? normalize(imageBase, nameAddress) : nameAddress;
                    long at = pe.rvaToOffset(rva + 2);
                    if (at < 0) {
                        nameAt += width;
                        funcAt += width;
                        continue;
                    }
                    name = pe.cString(at, Math.min(pe.available(at), MAX_FUNCTION_NAME));
                } else {
                    ordinal = nameAddress & 0xFFFF;
                    name = OrdinalNames.lookup(dllName, (int) ordinal);
                }
                functions.add(new ImportedDll.Function(name, ordinal, funcAt));
                functionsTotal++;
                nameAt += width;
                funcAt += width;
            }
            dlls.add(new ImportedDll(dllName, functions));
        }
        return dlls;
    }

    private static long normalize(long imageBase, long address) {
        return address != 0 && Long.compareUnsigned(address, imageBase) > 0 ? address - imageBase : address;
    }

    private static Long pointer(PeImage pe, long rva, int width) {
        long at = pe.rvaToOffset(rva);
        if (at < 0 || !pe.fits(at, width)) {
            return null;
        }
        return width == 8 ? pe.u64(at) : pe.u32(at);
    }

    /** Printable, none of {@code "*<>?|}, not empty, and ending (NUL) within {@code n} bytes. */
    static boolean validDllName(PeImage pe, long offset, long n) {
        long length = 0;
        while (length < n && pe.fits(offset + length, 1)) {
            int c = pe.data[(int) (offset + length)] & 0xFF;
            if (c == 0) {
                break;
            }
            if (c < 0x20 || c > 0x7E || c == '"' || c == '*' || c == '<' || c == '>' || c == '?' || c == '|') {
                return false;
            }
            length++;
        }
        return length > 0 && length < n;
    }

    /** Letters, digits and {@code ._?@$()<>}, not empty (names such as a packer's garbage are dropped). */
    static boolean validFunctionName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ".?_@$()<>".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
