package org.exhunt.yara.module.pe;

import java.util.List;
import java.util.Map;

/**
 * {@code signatures[]} and {@code number_of_signatures}. A file without a certificate table
 * (IMAGE_DIRECTORY_ENTRY_SECURITY inside the file) has none; a file with one is read by
 * {@link SignedData}.
 */
final class Authenticode {

    private Authenticode() {
    }

    static void fill(PeImage pe, Map<String, Object> root) {
        long[] dir = pe.directory(4);
        long length = pe.data.length;
        if (dir[0] == 0 || dir[0] > length || dir[1] > length || dir[0] + dir[1] > length) {
            root.put("number_of_signatures", 0L);
            root.put("signatures", List.of());
            return;
        }
        // Not read yet: the count stays undefined rather than claiming zero signatures.
    }
}
