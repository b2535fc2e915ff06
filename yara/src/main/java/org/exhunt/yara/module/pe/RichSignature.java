package org.exhunt.yara.module.pe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Rich header: found by walking back from the PE header to the "Rich" marker and its XOR key,
 * then back to the masked "DanS" start. {@code version()} and {@code toolid()} add up the use
 * counts of the entries whose build number and tool id match.
 */
final class RichSignature {

    private static final long RICH = 0x68636952L;
    private static final long DANS = 0x536E6144L;

    private RichSignature() {
    }

    static Map<String, Object> parse(PeImage pe) {
        Map<String, Object> rich = new LinkedHashMap<>();
        byte[] d = pe.data;
        long ntHeader = PeImage.u32(d, 0x3C);
        if (ntHeader > d.length + 4L || ntHeader < 4) {
            return rich;
        }
        long p = ntHeader - 4;
        long key = 0;
        long richAt = -1;
        for (; p >= 64; p -= 4) {
            if (pe.fits(p, 8) && PeImage.u32(d, (int) p) == RICH) {
                key = PeImage.u32(d, (int) p + 4);
                richAt = p;
                p -= 4;
                break;
            }
        }
        if (key == 0) {
            return rich;
        }
        long start = -1;
        for (; p >= 64; p -= 4) {
            if (pe.fits(p, 4) && (PeImage.u32(d, (int) p) ^ key) == DANS) {
                start = p;
                break;
            }
        }
        if (start < 0) {
            return rich;
        }
        int length = (int) (richAt - start);
        byte[] clear = new byte[length];
        for (int i = 0; i < length; i++) {
            clear[i] = (byte) (d[(int) start + i] ^ (key >>> (8 * (i % 4))));
        }
        rich.put("offset", start);
        rich.put("length", (long) length);
        rich.put("key", key);
        rich.put("raw_data", pe.latin1((int) start, length));
        rich.put("clear_data", new String(clear, java.nio.charset.StandardCharsets.ISO_8859_1));
        return rich;
    }

    /**
     * Sum of use counts over entries matching {@code version} and {@code toolid} (null matches
     * any); null when the header is missing or shorter than its 16-byte start.
     */
    static Long count(Map<String, Object> rich, Long version, Long toolid) {
        Object length = rich.get("length");
        Object clear = rich.get("clear_data");
        if (!(length instanceof Long len) || !(clear instanceof String c) || len < 16) {
            return null;
        }
        long result = 0;
        long entries = (len - 16) / 8;
        for (int i = 0; i < entries; i++) {
            int at = 16 + 8 * i;
            long idVersion = le32(c, at);
            boolean versionMatches = version == null || version == (idVersion & 0xFFFF);
            boolean toolMatches = toolid == null || toolid == (idVersion >>> 16);
            if (versionMatches && toolMatches) {
                result += le32(c, at + 4);
            }
        }
        return result;
    }

    private static long le32(String s, int at) {
        return (s.charAt(at) & 0xFFL) | (s.charAt(at + 1) & 0xFFL) << 8 | (s.charAt(at + 2) & 0xFFL) << 16
                | (s.charAt(at + 3) & 0xFFL) << 24;
    }
}
