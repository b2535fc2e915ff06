package org.exhunt.yara.module.pe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.module.ModuleFunction;
import org.exhunt.yara.module.ModuleRuntime;

/**
 * The runtime of YARA's {@code pe} module, computing what YARA 4.2 computes.
 *
 * <p>For data that is not a PE file only the named constants and {@code is_pe = 0} are defined;
 * every other field and every function is undefined, as in YARA. Authenticode signatures are
 * read by {@link Authenticode}.
 */
public final class PeRuntime implements ModuleRuntime {

    @Override
    public String name() {
        return "pe";
    }

    @Override
    public Map<String, Object> load(byte[] data) {
        Map<String, Object> root = new LinkedHashMap<>(PeConstants.ALL);
        root.put("is_pe", 0L);
        PeImage pe = PeImage.parse(data);
        if (pe == null) {
            putUndefinedFunctions(root);
            return root;
        }
        PeHeaders.fill(pe, root);
        PeResources.fill(pe, root);
        root.put("rich_signature", RichSignature.parse(pe));
        putRichFunctions(root);
        String pdb = DebugDirectory.pdbPath(pe);
        if (pdb != null) {
            root.put("pdb_path", pdb);
        }
        Authenticode.fill(pe, root);
        PeImports.Table imports = PeImports.standard(pe);
        List<ImportedDll> delayed = PeImports.delayed(pe);
        ImportDetails.fill(root, imports, delayed);
        PeExports.fill(pe, root);
        PeFunctions.fill(pe, root, imports.dlls(), delayed);
        return root;
    }

    private static void putUndefinedFunctions(Map<String, Object> root) {
        ModuleFunction undefined = (a, d) -> null;
        for (String f : List.of("imphash", "imports", "exports", "exports_index", "section_index", "is_dll", "is_32bit",
                "is_64bit", "rva_to_offset", "calculate_checksum", "locale", "language")) {
            root.put(f, undefined);
        }
        Map<String, Object> rich = new LinkedHashMap<>();
        root.put("rich_signature", rich);
        putRichFunctions(root);
    }

    @SuppressWarnings("unchecked")
    private static void putRichFunctions(Map<String, Object> root) {
        Map<String, Object> rich = (Map<String, Object>) root.get("rich_signature");
        rich.put("version", (ModuleFunction) (a, d) ->
                RichSignature.count(rich, (Long) a.get(0), a.size() > 1 ? (Long) a.get(1) : null));
        rich.put("toolid", (ModuleFunction) (a, d) ->
                RichSignature.count(rich, a.size() > 1 ? (Long) a.get(1) : null, (Long) a.get(0)));
    }
}
