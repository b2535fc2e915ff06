package org.exhunt.yara.module;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * {@code hash}: md5, sha1 and sha256 as lower-case hex, checksum32 (the byte sum modulo 2^32) and
 * crc32, over a range of the data or over a string. Out-of-range ranges are undefined
 * ({@link DataRange}).
 */
final class HashRuntime implements ModuleRuntime {

    private static final Map<String, Object> VALUES = new LinkedHashMap<>();
    /** The same values for every buffer, shared by all scans and threads, so never modifiable. */
    private static final Map<String, Object> READ_ONLY = java.util.Collections.unmodifiableMap(VALUES);

    static {
        VALUES.put("md5", digestFunction("MD5"));
        VALUES.put("sha1", digestFunction("SHA-1"));
        VALUES.put("sha256", digestFunction("SHA-256"));
        VALUES.put("checksum32", (ModuleFunction) (args, data) -> over(args, data, HashRuntime::checksum32));
        VALUES.put("crc32", (ModuleFunction) (args, data) -> over(args, data, HashRuntime::crc32));
    }

    @Override
    public String name() {
        return "hash";
    }

    @Override
    public Map<String, Object> load(byte[] data) {
        return READ_ONLY;
    }

    private interface Computation {
        Object apply(byte[] bytes, int start, int length);
    }

    private static ModuleFunction digestFunction(String algorithm) {
        return (args, data) -> over(args, data, (b, s, l) -> hex(digest(algorithm, b, s, l)));
    }

    /** Applies {@code c} to the string argument or to the {@code (offset, size)} range of the data. */
    private static Object over(List<Object> args, byte[] data, Computation c) {
        if (args.size() == 1) {
            byte[] s = DataRange.bytesOf((String) args.get(0));
            return c.apply(s, 0, s.length);
        }
        DataRange r = DataRange.of(data, (Long) args.get(0), (Long) args.get(1));
        return r == null ? null : c.apply(data, r.start(), r.length());
    }

    static byte[] digest(String algorithm, byte[] b, int start, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(b, start, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always offers " + algorithm, e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    private static Object checksum32(byte[] b, int start, int length) {
        long sum = 0;
        for (int i = start; i < start + length; i++) {
            sum += b[i] & 0xFF;
        }
        return sum & 0xFFFFFFFFL;
    }

    private static Object crc32(byte[] b, int start, int length) {
        CRC32 crc = new CRC32();
        crc.update(b, start, length);
        return crc.getValue();
    }
}
