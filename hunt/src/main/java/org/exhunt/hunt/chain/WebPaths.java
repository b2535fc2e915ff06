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

    /** ".aspx", ".ashx", …: made once, not per search. */
    private static final List<String> DOTTED = SCRIPT_EXTENSIONS.stream().sorted().map(e -> "." + e).toList();

    private static final int MAX_PATH = 1024;

    private WebPaths() {
    }

    /**
     * The first Windows path (drive or UNC) to a script page written out in free text, e.g. the OAB
     * generator's {@code temporary file '\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx'},
     * or {@code null}. A plain scan, no regular expression: log text is attacker-controlled.
     */
    static String scriptPathIn(String text) {
        if (text.indexOf('\\') < 0 || !mayNameScript(text)) return null;
        String lower = text.toLowerCase(Locale.ROOT);
        // Lower-casing can change the length of some scripts' text; then the lower-case form is cut.
        String source = lower.length() == text.length() ? text : lower;
        String best = null;
        int bestEnd = Integer.MAX_VALUE;
        for (String dotted : DOTTED) {
            int from = 0;
            while (true) {
                int dot = lower.indexOf(dotted, from);
                if (dot < 0 || dot >= bestEnd) break;
                int end = dot + dotted.length();
                from = dot + 1;
                if (end < lower.length() && Character.isLetterOrDigit(lower.charAt(end))) continue;
                int begin = dot;
                // A path is at most a few hundred characters: the walk back is bounded, so hostile text
                // full of ".aspx" costs linear time.
                int limit = Math.max(0, dot - MAX_PATH);
                while (begin > limit && "'\"<>|\r\n\t".indexOf(lower.charAt(begin - 1)) < 0) begin--;
                int root = pathRoot(lower, begin, dot);
                if (root < 0) continue;
                best = source.substring(root, end);
                bestEnd = end;
                break;
            }
        }
        return best;
    }

    /**
     * Whether a dot is followed by the first two letters of a script extension ({@code as}, {@code ce},
     * {@code cs}, {@code js}, {@code ph}, either case): most values a finding holds (command lines,
     * image paths) have backslashes but no such dot, and are passed over without lower-casing them.
     * No character lower-cases to one of those letters but the letter itself, so the check cannot
     * miss.
     */
    static boolean mayNameScript(String text) {
        for (int dot = text.indexOf('.'); dot >= 0 && dot + 2 < text.length(); dot = text.indexOf('.', dot + 1)) {
            char first = (char) (text.charAt(dot + 1) | 0x20);
            char second = (char) (text.charAt(dot + 2) | 0x20);
            boolean script = switch (first) {
                case 'a', 'j' -> second == 's';
                case 'c' -> second == 'e' || second == 's';
                case 'p' -> second == 'h';
                default -> false;
            };
            if (script) return true;
        }
        return false;
    }

    /** Where a drive ({@code c:\\}) or UNC ({@code \\\\}) path starts within [from, to), or -1. */
    private static int pathRoot(String lower, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            char c = lower.charAt(i);
            if (c == '\\' && lower.charAt(i + 1) == '\\') return i;
            if (c >= 'a' && c <= 'z' && lower.charAt(i + 1) == ':' && i + 2 < to && lower.charAt(i + 2) == '\\'
                    && (i == from || !Character.isLetterOrDigit(lower.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
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
