package org.exhunt.yara.module.pe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.exhunt.yara.module.ModuleRuntime;

/**
 * The runtime of YARA's {@code dotnet} module, header level: {@code is_dotnet} is 1 for a PE file
 * whose COM descriptor leads to CLI metadata (the "BSJB" signature), 0 for other PE files, and
 * undefined for data that is not PE. The metadata streams and tables are not read, so the other
 * fields stay undefined.
 */
public final class DotnetRuntime implements ModuleRuntime {

    private static final long METADATA_MAGIC = 0x424A5342L;

    @Override
    public String name() {
        return "dotnet";
    }

    @Override
    public Map<String, Object> load(byte[] data) {
        Map<String, Object> root = new LinkedHashMap<>();
        PeImage pe = PeImage.parse(data);
        if (pe == null) {
            return root;
        }
        root.put("is_dotnet", isDotnet(pe) ? 1L : 0L);
        return root;
    }

    private static boolean isDotnet(PeImage pe) {
        long[] dir = pe.directory(14);
        long cli = pe.rvaToOffset(dir[0]);
        if (cli < 0 || !pe.fits(cli, 72)) {
            return false;
        }
        long metadata = pe.rvaToOffset(pe.u32(cli + 8));
        return metadata >= 0 && pe.fits(metadata, 16) && pe.u32(metadata) == METADATA_MAGIC;
    }
}
