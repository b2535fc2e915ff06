package org.exhunt.hunt.intel;

import java.util.Locale;
import java.util.Set;

/**
 * Turns a file-name regex of a signature-base list into the plain path it stands for, when it
 * stands for exactly one: {@code \\inetpub\\wwwroot\\aspnet_client\\shell\.aspx} is the path
 * {@code \inetpub\wwwroot\aspnet_client\shell.aspx}, which a web log shows as
 * {@code /aspnet_client/shell.aspx}. Regexes with classes, groups, repeats or alternatives match
 * many paths and are not converted; neither are paths of files a web server would not run,
 * since the only place exhunt can look for a path is a web request.
 */
final class LiteralPathRegex {

    /** Extensions of files IIS and Exchange run or serve as pages. */
    private static final Set<String> WEB_EXTENSIONS = Set.of(
            "aspx", "asp", "ashx", "asmx", "asax", "ascx", "axd", "cshtml", "php", "jsp", "jspx", "svc", "soap");

    /** Folders whose content IIS serves, as the IOC list parser knows them. */
    private static final String[] WEB_ROOTS = {"\\inetpub\\wwwroot\\", "\\frontend\\httpproxy\\", "\\clientaccess\\"};

    private LiteralPathRegex() {
    }

    /** The path a regex matches literally, or {@code null} when it is no single web-servable path. */
    static String path(String regex) {
        String r = regex;
        if (r.startsWith("(?i)")) r = r.substring(4);
        if (r.startsWith("^")) r = r.substring(1);
        if (r.endsWith("$") && !r.endsWith("\\$")) r = r.substring(0, r.length() - 1);
        StringBuilder b = new StringBuilder(r.length());
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                if (i + 1 >= r.length()) return null;
                char next = r.charAt(++i);
                // An escaped letter or digit is a class or an assertion (\d, \w, \b): not a literal.
                if (Character.isLetterOrDigit(next)) return null;
                b.append(next);
            } else if ("[](){}|*+?^$.".indexOf(c) >= 0) {
                return null;
            } else {
                b.append(c);
            }
        }
        String path = b.toString();
        int dot = path.lastIndexOf('.');
        if (dot < 0 || path.indexOf('\\') < 0) return null;
        String extension = path.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!WEB_EXTENSIONS.contains(extension)) return null;
        // Under a web root the list parser turns the server path into the request path. Elsewhere
        // it would keep only the file name; the folders above it are part of what the regex asks
        // for, so they are kept as the end of a web path instead.
        String lower = path.toLowerCase(Locale.ROOT);
        for (String root : WEB_ROOTS) {
            if (lower.contains(root)) return path;
        }
        return path.replace('\\', '/');
    }
}
