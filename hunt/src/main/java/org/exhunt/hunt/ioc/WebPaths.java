package org.exhunt.hunt.ioc;

import java.util.Locale;

/**
 * Turns the way web-shell indicators are published (server file paths such as
 * {@code C:\inetpub\wwwroot\aspnet_client\shell.aspx}) into what web logs record
 * ({@code /aspnet_client/shell.aspx}), so one IOC list serves both.
 */
final class WebPaths {

    private static final String[] WEB_ROOTS = {
        "\\frontend\\httpproxy\\", "\\inetpub\\wwwroot\\", "\\clientaccess\\",
    };

    private WebPaths() {
    }

    /**
     * The lower-cased web path ({@code /owa/auth/x.aspx}) or bare file name ({@code x.aspx}) an
     * indicator stands for, or {@code null} if it names nothing a web log could show.
     */
    static String fromIndicator(String raw) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) return null;
        boolean filePath = s.indexOf('\\') >= 0 || (s.length() > 1 && s.charAt(1) == ':');
        if (filePath) {
            String back = s.replace('/', '\\');
            String web = null;
            for (String root : WEB_ROOTS) {
                int at = back.indexOf(root);
                if (at >= 0) {
                    web = "/" + back.substring(at + root.length()).replace('\\', '/');
                    break;
                }
            }
            // Outside any web root only the file name can show up in a request. Either way the
            // result passes the checks of a web path below, so that it reads back as itself.
            s = web != null ? web : back.substring(back.lastIndexOf('\\') + 1);
        }
        int q = s.indexOf('?');
        if (q >= 0) s = s.substring(0, q);
        if (s.isEmpty() || s.endsWith("/") || s.contains(" ") || s.contains("\t")) return null;
        if (s.startsWith("/")) return s.replaceAll("/{2,}", "/");
        return s.contains("/") ? "/" + s : s;
    }
}
