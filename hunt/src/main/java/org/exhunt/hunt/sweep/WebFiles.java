package org.exhunt.hunt.sweep;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which evidence files the sweep reads: by extension (what IIS hands to ASP or ASP.NET), by
 * place (the Exchange and IIS web folders, where anything may be served or loaded), and by
 * content (server-side script markers in the first bytes, whatever the file is called: a shell
 * saved as {@code .txt} or {@code .jpg} still runs when a handler maps it).
 */
public final class WebFiles {

    /** Extensions IIS maps to ASP / ASP.NET handlers, or that hold server-side code or settings. */
    static final Set<String> EXTENSIONS = Set.of("aspx", "ashx", "asmx", "asp", "ascx", "asa", "asax", "cer", "cdx",
            "config", "cs", "vb", "master", "svc", "soap", "rem", "axd", "cshtml", "vbhtml", "shtml", "shtm", "stm",
            "compiled", "aspq", "xamlx", "php", "jsp");

    /** Folders (lower case, '/' separated) where every file is swept. */
    static final List<String> WEB_FOLDERS = List.of("/frontend/httpproxy/owa/", "/frontend/httpproxy/ecp/",
            "/clientaccess/owa/", "/clientaccess/ecp/", "/clientaccess/oab/", "/oab/", "/aspnet_client/",
            "/temporary asp.net files/", "/inetpub/wwwroot/", "/frontend/httpproxy/", "/clientaccess/");

    private WebFiles() {
    }

    /** Why the file is swept ("extension .aspx", "in web folder /aspnet_client/", "server-side script in its content"), or null. */
    public static String reason(String path, byte[] head, int length) {
        String ext = extension(path);
        if (!ext.isEmpty() && EXTENSIONS.contains(ext.substring(1))) {
            return "extension " + ext;
        }
        String p = "/" + path.replace('\\', '/').replace("!/", "/").toLowerCase(Locale.ROOT);
        for (String folder : WEB_FOLDERS) {
            if (p.contains(folder)) {
                return "in web folder " + folder;
            }
        }
        if (head != null && hasServerScript(head, length)) {
            return "server-side script in its content";
        }
        return null;
    }

    /** {@code .aspx} for {@code x/Shell.ASPX} (lower case, with the dot); empty when there is none. */
    public static String extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** The last part of a path, for '/', '\' and archive-entry separators alike. */
    public static String fileName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1);
    }

    /**
     * ASP delimiters or a server-side script block in the first bytes. Logs that happened to
     * contain "<%" in a request are read as logs before this is asked, so this only sees files
     * that are not logs.
     */
    static boolean hasServerScript(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).replace("\0", "");
        if (text.contains("<%@") || text.contains("<%=") || text.contains("<%\n") || text.contains("<%\r")
                || text.contains("<% ") || text.contains("<%\t")) {
            return true;
        }
        int script = text.indexOf("<script");
        return script >= 0 && text.indexOf("runat", script) >= 0;
    }
}
