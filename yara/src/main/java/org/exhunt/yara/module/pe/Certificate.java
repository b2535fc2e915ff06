package org.exhunt.yara.module.pe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields YARA 4.2 reports for an X.509 certificate, formatted as OpenSSL formats them:
 * names as {@code X509_NAME_oneline} ("/C=US/O=Example/CN=Name"), the serial as colon-separated
 * hex bytes, times as seconds since the epoch, the thumbprint as the SHA-1 of the encoding.
 */
final class Certificate {

    /** OpenSSL's X509_NAME_oneline buffer in YARA holds 256 bytes, NUL included. */
    private static final int NAME_LIMIT = 255;

    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("2.5.4.3", "CN"), Map.entry("2.5.4.6", "C"), Map.entry("2.5.4.7", "L"),
            Map.entry("2.5.4.8", "ST"), Map.entry("2.5.4.10", "O"), Map.entry("2.5.4.11", "OU"),
            Map.entry("2.5.4.5", "serialNumber"), Map.entry("2.5.4.9", "street"), Map.entry("2.5.4.12", "title"),
            Map.entry("2.5.4.4", "SN"), Map.entry("2.5.4.42", "GN"), Map.entry("2.5.4.43", "initials"),
            Map.entry("2.5.4.15", "businessCategory"), Map.entry("2.5.4.17", "postalCode"),
            Map.entry("2.5.4.13", "description"), Map.entry("2.5.4.46", "dnQualifier"),
            Map.entry("2.5.4.97", "organizationIdentifier"), Map.entry("1.2.840.113549.1.9.1", "emailAddress"),
            Map.entry("0.9.2342.19200300.100.1.25", "DC"), Map.entry("0.9.2342.19200300.100.1.1", "UID"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"));

    private static final Map<String, String> SIGNATURE_NAMES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.1", "rsaEncryption"), Map.entry("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.10", "rsassaPss"),
            Map.entry("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
            Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"), Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
            Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"), Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
            Map.entry("1.2.840.10040.4.3", "dsaWithSHA1"), Map.entry("1.3.14.3.2.29", "sha1WithRSA"));

    private Certificate() {
    }

    /** The certificate's {@code signatures[i]} fields, or null when it is not a readable certificate. */
    static Map<String, Object> fields(Der cert) {
        List<Der> parts = cert.children();
        if (parts == null || parts.size() < 3 || parts.get(0).tag() != Der.SEQUENCE) {
            return null;
        }
        List<Der> tbs = parts.get(0).children();
        if (tbs == null) {
            return null;
        }
        int i = 0;
        long version = 0;
        if (!tbs.isEmpty() && tbs.get(0).tag() == 0xA0) {
            List<Der> v = tbs.get(0).children();
            if (v == null || v.size() != 1 || v.get(0).tag() != Der.INTEGER) {
                return null;
            }
            version = integer(v.get(0));
            i = 1;
        }
        if (tbs.size() < i + 6) {
            return null;
        }
        Der serial = tbs.get(i);
        Der issuer = tbs.get(i + 2);
        Der validity = tbs.get(i + 3);
        Der subject = tbs.get(i + 4);
        List<Der> times = validity.children();
        List<Der> algorithm = parts.get(1).children();
        if (serial.tag() != Der.INTEGER || times == null || times.size() < 2 || algorithm == null || algorithm.isEmpty()) {
            return null;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("thumbprint", HashHex.sha1(cert.encoded()));
        String issuerText = name(issuer);
        String subjectText = name(subject);
        if (issuerText == null || subjectText == null) {
            return null;
        }
        f.put("issuer", issuerText);
        f.put("subject", subjectText);
        f.put("version", version + 1);
        String oid = algorithm.get(0).oid();
        f.put("algorithm", oid == null ? "undefined" : SIGNATURE_NAMES.getOrDefault(oid, "undefined"));
        if (oid != null) {
            f.put("algorithm_oid", oid);
        }
        String serialText = serial(serial);
        if (serialText != null) {
            f.put("serial", serialText);
        }
        Long notBefore = time(times.get(0));
        Long notAfter = time(times.get(1));
        if (notBefore != null) {
            f.put("not_before", notBefore);
        }
        if (notAfter != null) {
            f.put("not_after", notAfter);
        }
        return f;
    }

    private static long integer(Der d) {
        long v = 0;
        for (int i = d.valueStart(); i < d.end() && i < d.valueStart() + 8; i++) {
            v = (v << 8) | (d.data()[i] & 0xFF);
        }
        return v;
    }

    /** Hex bytes of the integer's minimal two's-complement encoding, colon-separated. */
    static String serial(Der d) {
        byte[] v = d.value();
        int start = 0;
        // DER re-encoding drops redundant leading 0x00 / 0xFF bytes.
        while (start < v.length - 1 && ((v[start] == 0 && v[start + 1] >= 0) || (v[start] == -1 && v[start + 1] < 0))) {
            start++;
        }
        if (v.length - start == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < v.length; i++) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", v[i] & 0xFF));
        }
        return sb.toString();
    }

    /** A Name as OpenSSL's X509_NAME_oneline writes it; entries that would overflow YARA's buffer are left out. */
    static String name(Der name) {
        List<Der> rdns = name.children();
        if (rdns == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Der rdn : rdns) {
            List<Der> attributes = rdn.children();
            if (attributes == null) {
                return null;
            }
            for (Der attribute : attributes) {
                List<Der> pair = attribute.children();
                if (pair == null || pair.size() != 2) {
                    return null;
                }
                String oid = pair.get(0).oid();
                if (oid == null) {
                    return null;
                }
                StringBuilder entry = new StringBuilder("/").append(SHORT_NAMES.getOrDefault(oid, oid)).append('=');
                Der value = pair.get(1);
                for (int i = value.valueStart(); i < value.end(); i++) {
                    int c = value.data()[i] & 0xFF;
                    if (c < ' ' || c > '~') {
                        entry.append(String.format("\\x%02X", c));
                    } else if (c == '/' || c == '+') {
                        entry.append('\\').append((char) c);
                    } else {
                        entry.append((char) c);
                    }
                }
                if (out.length() + entry.length() > NAME_LIMIT) {
                    return out.toString();
                }
                out.append(entry);
            }
        }
        return out.toString();
    }

    /** UTCTime or GeneralizedTime as seconds since the epoch, read as OpenSSL-era YARA reads it (no zone). */
    static Long time(Der t) {
        String s = new String(t.data(), t.valueStart(), t.length(), java.nio.charset.StandardCharsets.ISO_8859_1);
        int i = 0;
        long year;
        try {
            if (t.tag() == Der.UTC_TIME && s.length() >= 12) {
                year = Integer.parseInt(s.substring(0, 2));
                year += year < 70 ? 2000 : 1900;
                i = 2;
            } else if (t.tag() == Der.GENERALIZED_TIME && s.length() >= 14) {
                year = Integer.parseInt(s.substring(0, 4));
                i = 4;
            } else {
                return null;
            }
            int month = Integer.parseInt(s.substring(i, i + 2));
            int day = Integer.parseInt(s.substring(i + 2, i + 4));
            int hour = Integer.parseInt(s.substring(i + 4, i + 6));
            int minute = Integer.parseInt(s.substring(i + 6, i + 8));
            int second = Integer.parseInt(s.substring(i + 8, i + 10));
            return java.time.LocalDateTime.of((int) year, month, day, hour, minute, second)
                    .toEpochSecond(java.time.ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null; // a malformed date: the field stays undefined
        }
    }
}
