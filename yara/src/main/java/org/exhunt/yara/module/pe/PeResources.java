package org.exhunt.yara.module.pe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource tree (type, name, language: three levels, as YARA walks it) and the
 * VS_VERSIONINFO string tables of version resources.
 *
 * <p>YARA bounds the tree only by its depth; a hostile tree whose directories all point at one
 * another could make it visit billions of entries. This walk stops after {@link #MAX_VISITS}
 * entries, far beyond any real file.
 */
final class PeResources {

    static final int MAX_RESOURCES = 65536;
    static final int MAX_VISITS = 1 << 24;
    /** Bound on version strings read over all version resources (see the class comment). */
    private static final int MAX_VERSION_STRINGS = 1 << 14;

    private final PeImage pe;
    private final long root;
    private final List<Object> resources = new ArrayList<>();
    private final Map<String, Object> versionInfo = new LinkedHashMap<>();
    private final List<Object> versionInfoList = new ArrayList<>();
    private int visits;
    private int versionStrings;
    /** Per byte parity: where the last wide-string scan started and the NUL it found (-1: none). */
    private final long[] scanFrom = {-1, -1};
    private final long[] scanNul = {-1, -1};

    private PeResources(PeImage pe, long root) {
        this.pe = pe;
        this.root = root;
    }

    static void fill(PeImage pe, Map<String, Object> out) {
        long[] dir = pe.directory(2);
        PeResources r = null;
        if (dir[0] != 0) {
            long offset = pe.rvaToOffset(dir[0]);
            if (offset >= 0 && pe.fits(offset, 16)) {
                out.put("resource_timestamp", pe.u32(offset + 4));
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("major", (long) pe.u16(offset + 8));
                version.put("minor", (long) pe.u16(offset + 10));
                out.put("resource_version", version);
                r = new PeResources(pe, offset);
                r.walk(offset, 0, new long[] {-1, -1, -1}, new String[3]);
            }
        }
        out.put("resources", r == null ? List.of() : r.resources);
        out.put("number_of_resources", r == null ? 0L : (long) r.resources.size());
        out.put("version_info", r == null ? Map.of() : r.versionInfo);
        out.put("version_info_list", r == null ? List.of() : r.versionInfoList);
        out.put("number_of_version_infos", r == null ? 0L : (long) r.versionInfoList.size());
    }

    /**
     * @param ids     type, name and language ids seen on the way down (-1 when none yet)
     * @param strings their string names, null when the entry had none (or a broken one)
     *
     * <p>As in YARA, ids are shared across the walk (a leaf high in the tree reports the ids a
     * previous subtree left below it) while string names only come from the leaf's own ancestors.
     */
    private void walk(long directory, int level, long[] ids, String[] strings) {
        int namedEntries = pe.u16(directory + 12);
        int idEntries = pe.u16(directory + 14);
        if (pe.u32(directory) != 0 || namedEntries > 32768 || idEntries > 32768) {
            return;
        }
        int total = namedEntries + idEntries;
        long entry = directory + 16;
        if (!pe.fits(entry, total * 8L)) {
            return;
        }
        for (int i = 0; i < total; i++, entry += 8) {
            if (++visits > MAX_VISITS) {
                return;
            }
            long target = pe.u32(entry + 4);
            if (target == 0) {
                // YARA's loop then re-reads this same entry for the remaining count: nothing more is found.
                return;
            }
            long name = pe.u32(entry);
            ids[level] = (int) name;
            strings[level] = resourceName(name);
            long at = root + (target & 0x7FFFFFFFL);
            if ((target & 0x80000000L) != 0 && level < 2) {
                if (pe.fits(at, 16)) {
                    walk(at, level + 1, ids, strings);
                    for (int k = level + 1; k < 3; k++) {
                        strings[k] = null;
                    }
                }
            } else if (pe.fits(at, 16)) {
                collect(at, ids, strings);
            }
            if (visits > MAX_VISITS) {
                return;
            }
        }
    }

    private String resourceName(long name) {
        if ((name & 0x80000000L) == 0) {
            return null;
        }
        long at = root + (name & 0x7FFFFFFFL);
        if (!pe.fits(at, 2)) {
            return null;
        }
        int length = pe.u16(at);
        if (length > 1000 || !pe.fits(at, 2 + length * 2L)) {
            return null;
        }
        return pe.latin1((int) at + 2, length * 2);
    }

    private void collect(long dataEntry, long[] ids, String[] strings) {
        if (resources.size() > MAX_RESOURCES) {
            return; // YARA 4.2's bound lets one more in than its MAX_RESOURCES
        }
        Map<String, Object> r = new LinkedHashMap<>();
        long rva = pe.u32(dataEntry);
        r.put("rva", rva);
        long offset = pe.rvaToOffset(rva);
        if (offset >= 0) {
            r.put("offset", offset);
        }
        r.put("length", pe.u32(dataEntry + 4));
        put(r, "type", ids[0], strings[0]);
        put(r, "id", ids[1], strings[1]);
        put(r, "language", ids[2], strings[2]);
        resources.add(r);
        if (ids[0] == 16) {
            versionInfo(rva);
        }
    }

    private static void put(Map<String, Object> r, String field, long id, String string) {
        if (string != null) {
            r.put(field.equals("id") ? "name_string" : field + "_string", string);
        } else if (id != -1) {
            r.put(field, id);
        }
    }

    private static long align(long offset) {
        return (offset + 3) & ~3L;
    }

    /** Reads the StringFileInfo tables of the VS_VERSIONINFO at {@code rva}. */
    private void versionInfo(long rva) {
        long vi = pe.rvaToOffset(rva);
        if (vi < 0 || !pe.fits(vi, 6) || !pe.fits(vi + 6, 32) || !wideEquals(vi + 6, "VS_VERSION_INFO")) {
            return;
        }
        vi += align(6 + 86);
        while (pe.fits(vi + 6, 24) && wideEquals(vi + 6, "VarFileInfo") && pe.u16(vi) != 0) {
            vi += align(pe.u16(vi));
        }
        while (pe.fits(vi + 6, 30) && wideEquals(vi + 6, "StringFileInfo") && pe.u16(vi) != 0) {
            long table = vi + align(6 + 30);
            vi += align(pe.u16(vi));
            while (pe.fits(table, 6) && wideTerminated(table + 6) && pe.u16(table) != 0 && table < vi) {
                long string = table + align(6 + 2 * (wideLength(table + 6) + 1));
                table += align(pe.u16(table));
                while (pe.fits(string, 6) && wideTerminated(string + 6) && pe.u16(string) != 0 && string < table) {
                    if (++versionStrings > MAX_VERSION_STRINGS) {
                        return;
                    }
                    long value = string + align(6 + 2 * (wideLength(string + 6) + 1));
                    if (wideTerminated(value)) {
                        String key = narrow(string + 6, 63);
                        String text = pe.u16(string + 2) == 0 ? "" : narrow(value, 255);
                        versionInfo.put(key, text);
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("key", key);
                        item.put("value", text);
                        versionInfoList.add(item);
                    }
                    string += align(pe.u16(string));
                }
            }
        }
    }

    /** Whether the UTF-16 string at {@code at} is exactly {@code ascii} (strcmp_w). */
    private boolean wideEquals(long at, String ascii) {
        int i = 0;
        while (i < ascii.length() && pe.u8(at) == ascii.charAt(i) && pe.u8(at + 1) == 0) {
            at += 2;
            i++;
        }
        return i == ascii.length() && pe.u8(at) == 0 && pe.u8(at + 1) == 0;
    }

    /**
     * Whether a 16-bit NUL ends the string at {@code at} inside the data (wide_string_fits_in_pe).
     * The last scan per byte parity is remembered, so hostile tables cannot make this quadratic.
     */
    private boolean wideTerminated(long at) {
        int parity = (int) (at & 1);
        if (at >= scanFrom[parity] && scanFrom[parity] >= 0 && (scanNul[parity] < 0 || at <= scanNul[parity])) {
            return scanNul[parity] >= 0;
        }
        long nul = -1;
        for (long p = at; pe.fits(p, 2); p += 2) {
            if (pe.data[(int) p] == 0 && pe.data[(int) p + 1] == 0) {
                nul = p;
                break;
            }
        }
        scanFrom[parity] = at;
        scanNul[parity] = nul;
        return nul >= 0;
    }

    /** Characters before the string's 16-bit NUL (callers have checked that it has one). */
    private long wideLength(long at) {
        if (!wideTerminated(at)) {
            return (pe.data.length - at) / 2;
        }
        return (scanNul[(int) (at & 1)] - at) / 2;
    }

    /** The low bytes of the UTF-16 string at {@code at}, up to its first zero low byte, at most {@code max}. */
    private String narrow(long at, int max) {
        StringBuilder sb = new StringBuilder();
        for (long p = at; sb.length() < max && pe.fits(p, 1) && pe.data[(int) p] != 0; p += 2) {
            sb.append((char) (pe.data[(int) p] & 0xFF));
        }
        return sb.toString();
    }
}
