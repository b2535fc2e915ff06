package org.exhunt.yara.module.pe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.module.ModuleFunction;

/**
 * {@code signatures[]} and {@code number_of_signatures} as YARA 4.2 reads them: the certificate
 * table (IMAGE_DIRECTORY_ENTRY_SECURITY, a file offset) is walked entry by entry; each PKCS#7
 * SignedData entry contributes the certificate of each of its signers, found among the
 * SignedData's certificates by issuer and serial number. Signatures are not verified. An entry
 * whose signer certificate is missing, or that is not a SignedData, ends the walk, as in YARA.
 */
final class Authenticode {

    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    private static final int REVISION_1 = 0x0100;
    private static final int REVISION_2 = 0x0200;
    private static final int TYPE_PKCS_SIGNED_DATA = 2;

    private Authenticode() {
    }

    static void fill(PeImage pe, Map<String, Object> root) {
        List<Object> signatures = new ArrayList<>();
        root.put("signatures", signatures);
        root.put("number_of_signatures", 0L);
        long[] dir = pe.directory(4);
        long length = pe.data.length;
        if (dir[0] == 0 || dir[0] > length || dir[1] > length || dir[0] + dir[1] > length) {
            return;
        }
        long end = dir[0] + dir[1];
        long entry = dir[0];
        while (pe.fits(entry, 8) && entry + 8 <= end) {
            long entryLength = pe.u32(entry);
            int revision = pe.u16(entry + 4);
            int type = pe.u16(entry + 6);
            if (entry + 8 >= end || entry + entryLength > end) {
                break;
            }
            if (entryLength == 0 || (revision != REVISION_1 && revision != REVISION_2)) {
                break;
            }
            if (revision == REVISION_2 && type == TYPE_PKCS_SIGNED_DATA) {
                // YARA hands Length - 8 bytes to OpenSSL; a length under 8 wraps to a huge size and fails.
                if (entryLength < 8) {
                    break;
                }
                List<Map<String, Object>> signers = signers(pe.data, (int) entry + 8, (int) (entry + entryLength));
                if (signers == null) {
                    break;
                }
                for (Map<String, Object> s : signers) {
                    s.put("valid_on", validOn(s));
                    signatures.add(s);
                }
            }
            long next = entry + entryLength;
            entry = next + next % 8;
        }
        root.put("number_of_signatures", (long) signatures.size());
    }

    private static ModuleFunction validOn(Map<String, Object> s) {
        return (args, data) -> {
            if (!(s.get("not_before") instanceof Long before) || !(s.get("not_after") instanceof Long after)) {
                return null;
            }
            long t = (Long) args.get(0);
            return t >= before && t <= after ? 1L : 0L;
        };
    }

    /** The signers' certificate fields, or null when the data is not a SignedData whose signers can all be found. */
    private static List<Map<String, Object>> signers(byte[] data, int start, int limit) {
        Der contentInfo = Der.read(data, start, limit);
        List<Der> ci = contentInfo == null ? null : contentInfo.children();
        if (ci == null || ci.size() < 2 || !SIGNED_DATA.equals(ci.get(0).oid()) || ci.get(1).tag() != 0xA0) {
            return null;
        }
        List<Der> wrapped = ci.get(1).children();
        if (wrapped == null || wrapped.size() != 1 || wrapped.get(0).tag() != Der.SEQUENCE) {
            return null;
        }
        List<Der> signedData = wrapped.get(0).children();
        if (signedData == null || signedData.size() < 4) {
            return null;
        }
        List<Der> certificates = List.of();
        Der signerInfos = signedData.get(signedData.size() - 1);
        for (Der part : signedData.subList(3, signedData.size() - 1)) {
            if (part.tag() == 0xA0) {
                certificates = part.children();
            }
        }
        List<Der> infos = signerInfos.children();
        if (certificates == null || infos == null || signerInfos.tag() != Der.SET || infos.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Der info : infos) {
            List<Der> fields = info.children();
            if (fields == null || fields.size() < 2) {
                return null;
            }
            List<Der> issuerAndSerial = fields.get(1).children();
            if (issuerAndSerial == null || issuerAndSerial.size() != 2) {
                return null;
            }
            Map<String, Object> found = null;
            for (Der cert : certificates) {
                if (matches(cert, issuerAndSerial.get(0), issuerAndSerial.get(1))) {
                    found = Certificate.fields(cert);
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            result.add(found);
        }
        return result;
    }

    private static boolean matches(Der cert, Der issuer, Der serial) {
        List<Der> parts = cert.children();
        List<Der> tbs = parts == null || parts.isEmpty() ? null : parts.get(0).children();
        if (tbs == null) {
            return false;
        }
        int i = !tbs.isEmpty() && tbs.get(0).tag() == 0xA0 ? 1 : 0;
        if (tbs.size() < i + 3) {
            return false;
        }
        return tbs.get(i).sameEncoding(serial) && tbs.get(i + 2).sameEncoding(issuer);
    }
}
