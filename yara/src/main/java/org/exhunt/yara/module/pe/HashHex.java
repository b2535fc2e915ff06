package org.exhunt.yara.module.pe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Lower-case hex digests. */
final class HashHex {

    private HashHex() {
    }

    static String sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    static String md5(byte[] data) {
        return digest("MD5", data);
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance(algorithm).digest(data)) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always offers " + algorithm, e);
        }
    }
}
