package org.exhunt.yara.module.pe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export directory as YARA reads it: at most 16384 exports, each with its ordinal (base +
 * index), file offset or forwarder name, and the name found through the ordinal table.
 */
final class PeExports {

    static final int MAX_EXPORTS = 16384;
    private static final int MAX_NAME = 512;

    private PeExports() {
    }

    /** Fills {@code number_of_exports}, {@code dll_name}, {@code export_timestamp}, {@code export_details}. */
    static void fill(PeImage pe, Map<String, Object> root) {
        root.put("number_of_exports", 0L);
        List<Object> details = new ArrayList<>();
        root.put("export_details", details);
        long[] dir = pe.directory(0);
        if (dir[0] == 0) {
            return;
        }
        long exportStart = pe.rvaToOffset(dir[0]);
        if (exportStart < 0 || !pe.fits(exportStart, 40)) {
            return;
        }
        long exportSize = dir[1];
        long e = exportStart;
        int count = (int) Math.min(pe.u32(e + 20), MAX_EXPORTS);
        long base = pe.u32(e + 16);
        root.put("export_timestamp", pe.u32(e + 4));
        long nameOffset = pe.rvaToOffset(pe.u32(e + 12));
        if (nameOffset > 0) {
            root.put("dll_name", pe.cString(nameOffset, Long.MAX_VALUE));
        }
        if ((long) count * 4 > pe.data.length - nameOffset) {
            return;
        }
        long numberOfNames = pe.u32(e + 24);
        long names = -1;
        if (numberOfNames > 0) {
            names = pe.rvaToOffset(pe.u32(e + 32));
            if (names < 0 || numberOfNames * 4 > pe.data.length - names) {
                return;
            }
        }
        long ordinals = pe.rvaToOffset(pe.u32(e + 36));
        if (ordinals < 0 || pe.available(ordinals) < 2L * count) {
            return;
        }
        long functions = pe.rvaToOffset(pe.u32(e + 28));
        if (functions < 0 || pe.available(functions) < 4L * count) {
            return;
        }
        int namedCount = (int) Math.min(numberOfNames, count);
        // For each function index, the first name slot whose ordinal entry points at it.
        int[] nameSlot = new int[count];
        Arrays.fill(nameSlot, -1);
        if (names >= 0) {
            for (int j = 0; j < namedCount; j++) {
                int index = pe.u16(ordinals + 2L * j);
                if (index < count && nameSlot[index] < 0) {
                    nameSlot[index] = j;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("ordinal", (base + i) & 0xFFFFFFFFL);
            long rva = pe.u32(functions + 4L * i);
            long offset = pe.rvaToOffset(rva);
            if (offset > exportStart && offset < exportStart + exportSize) {
                d.put("forward_name", pe.cString(offset, MAX_NAME));
            } else if (offset >= 0) {
                d.put("offset", offset);
            }
            if (nameSlot[i] >= 0) {
                long at = pe.rvaToOffset(pe.u32(names + 4L * nameSlot[i]));
                if (at > 0) {
                    d.put("name", pe.cString(at, MAX_NAME));
                }
            }
            details.add(d);
        }
        root.put("number_of_exports", (long) count);
    }
}
