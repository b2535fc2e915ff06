package org.exhunt.hunt.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Web paths and file paths in one comparable form, so a request to
 * {@code /aspnet_client/system_web/x.aspx} meets the file
 * {@code C:\inetpub\wwwroot\aspnet_client\system_web\x.aspx}: lower case, {@code /} separators.
 */
final class WebPaths {

    /** Pages a web server runs rather than serves: what a web shell is written as. */
    private static final Set<String> SCRIPT_EXTENSIONS = Set.of(
            "aspx", "ashx", "asmx", "asp", "asa", "cer", "cshtml", "php", "jsp", "jspx");

    private WebPaths() {
    }

    static String normalize(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        return p.startsWith("/") ? p : "/" + p;
    }

    /** Whether the path names a server-side script page ({@code .aspx}, {@code .ashx}, …). */
    static boolean isScriptPage(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        int dot = path.lastIndexOf('.');
        if (dot <= slash) return false;
        return SCRIPT_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Every tail of a normalized file path that starts at a folder boundary, longest first:
     * {@code /a/b/c.aspx} → {@code /a/b/c.aspx}, {@code /b/c.aspx}, {@code /c.aspx}. A request path
     * equal to one of them may be that file.
     */
    static List<String> tails(String normalized) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) == '/' && i + 1 < normalized.length()) out.add(normalized.substring(i));
        }
        return out;
    }
}
