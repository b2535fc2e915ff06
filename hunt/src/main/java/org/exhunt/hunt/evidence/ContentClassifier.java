package org.exhunt.hunt.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.exhunt.hunt.event.SourceKind;

/**
 * Decides what a file is from its first bytes, never from its name: a {@code .log} can be
 * anything, and a renamed log is still a log.
 */
final class ContentClassifier {

    /** How much of a file is looked at; the directives of both log families sit at the top. */
    static final int HEAD = 16 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private static final String[] W3C_NAMES = {"cs-uri-stem", "cs-method", "c-ip", "s-ip", "sc-status", "cs-uri"};

    private ContentClassifier() {
    }

    static Classified classify(EvidenceFile file) {
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = file.open()) {
            n = in.readNBytes(head, 0, HEAD);
        } catch (IOException | RuntimeException e) {
            return new Classified(file, SourceKind.UNKNOWN, "cannot be read: " + e.getMessage());
        }
        return classify(file, head, n);
    }

    static Classified classify(EvidenceFile file, byte[] head, int n) {
        if (n == 0) return new Classified(file, SourceKind.UNKNOWN, "empty file");
        if (n >= 8 && new String(head, 0, 8, StandardCharsets.ISO_8859_1).equals("ElfFile\0")) {
            return readable(file, SourceKind.WINDOWS_EVTX);
        }
        TextEncoding.Sniffed sniffed = TextEncoding.sniff(head, n);
        String text = new String(head, sniffed.bomLength(), n - sniffed.bomLength(), sniffed.encoding().charset());
        int firstChar = firstNonBlank(text);
        if (firstChar >= 0 && (text.charAt(firstChar) == '{' || text.charAt(firstChar) == '[')) {
            return jsonKind(file, text, firstChar);
        }
        String software = null;
        String logType = null;
        String fields = null;
        // A plain scan over the first lines: this runs once per evidence file, often thousands
        // of times in a scan, so no regular expression and no copy of the whole head.
        int start = 0;
        int len = text.length();
        for (int lines = 0; lines < 200 && start < len; lines++) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = len;
            if (text.charAt(start) == '#') {
                int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
                String line = text.substring(start, stop);
                if (software == null && startsWithIgnoreCase(line, "#software:")) software = value(line);
                else if (logType == null && startsWithIgnoreCase(line, "#log-type:")) logType = value(line);
                else if (fields == null && startsWithIgnoreCase(line, "#fields:")) fields = value(line);
                if (software != null && logType != null && fields != null) break;
            }
            start = end + 1;
        }
        // Directives decide before the binary check: a log cut short by an unclean shutdown is
        // often padded with NUL bytes, and it is still a log.
        if (software == null && fields == null && looksBinary(text)) {
            return new Classified(file, SourceKind.UNKNOWN, "not a log exhunt reads (binary, " + sizeText(file, n) + ")");
        }
        String sw = software == null ? "" : software.toLowerCase(Locale.ROOT);
        if (sw.startsWith("microsoft internet information services")) return readable(file, SourceKind.IIS_W3C);
        if (sw.startsWith("microsoft exchange")) return readable(file, exchangeKind(logType, fields));
        if (fields != null) {
            if (isW3cFields(fields)) return readable(file, SourceKind.IIS_W3C);
            if (fields.indexOf(',') >= 0) return readable(file, exchangeKind(logType, fields));
            return new Classified(file, SourceKind.UNKNOWN, "#Fields: header names no columns exhunt knows");
        }
        return new Classified(file, SourceKind.UNKNOWN, "text without a #Fields: header");
    }

    private static int firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) return i;
        }
        return -1;
    }

    /**
     * A JSON file is read when its first record is a Windows event: evtx_dump's {@code Event}
     * object with {@code System} inside, Winlogbeat's {@code winlog} (object or dotted keys), or
     * a flat record with {@code EventID} beside {@code Channel}, {@code SourceName} or
     * {@code ProviderName}. Only the top-level keys of the first record in the head are looked at.
     */
    private static Classified jsonKind(EvidenceFile file, String text, int start) {
        boolean event = false;
        boolean eventId = false;
        boolean channel = false;
        try (JsonParser p = JSON.createParser(text.substring(start))) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if (key.equals("Event") && v == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            if (p.currentName().equals("System")) event = true;
                            p.nextToken();
                            p.skipChildren();
                        }
                        if (event) break;
                        continue;
                    }
                    if (key.equals("winlog") || key.startsWith("winlog.")) event = true;
                    else if (key.equals("EventID")) eventId = true;
                    else if (key.equals("Channel") || key.equals("SourceName") || key.equals("ProviderName")) channel = true;
                    if (event || (eventId && channel)) break;
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException endOfHeadOrBroken) {
            // The head may end inside the first record, or the record may be broken: decide on
            // the keys seen so far, the reader reports broken records itself.
        }
        if (event || (eventId && channel)) return readable(file, SourceKind.WINDOWS_JSON);
        return new Classified(file, SourceKind.UNKNOWN,
                "JSON that is not a Windows event export (first record has no Event/System, winlog or EventID with Channel)");
    }

    private static boolean startsWithIgnoreCase(String line, String prefix) {
        return line.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static Classified readable(EvidenceFile file, SourceKind kind) {
        return new Classified(file, kind, null);
    }

    /** HttpProxy, ECP server and OAB generator logs by their {@code #Log-type:}, else by columns. */
    static SourceKind exchangeKind(String logType, String fields) {
        String type = logType == null ? "" : logType.toLowerCase(Locale.ROOT);
        if (type.contains("httpproxy")) return SourceKind.EXCHANGE_HTTPPROXY;
        if (type.contains("ecp server")) return SourceKind.EXCHANGE_ECP;
        if (type.contains("oab")) return SourceKind.EXCHANGE_OABGENERATOR;
        if (!type.isEmpty() || fields == null) return SourceKind.EXCHANGE_CSV;
        String f = "," + fields.toLowerCase(Locale.ROOT).replace(" ", "") + ",";
        if (f.contains(",urlstem,") && f.contains(",clientipaddress,") && f.contains(",proxyaction,")) {
            return SourceKind.EXCHANGE_HTTPPROXY;
        }
        return SourceKind.EXCHANGE_CSV;
    }

    private static boolean isW3cFields(String fields) {
        if (fields.indexOf(',') >= 0) return false;
        String f = " " + fields.toLowerCase(Locale.ROOT).trim() + " ";
        if (!f.contains(" date ") && !f.contains(" time ")) return false;
        for (String name : W3C_NAMES) {
            if (f.contains(" " + name + " ")) return true;
        }
        return false;
    }

    private static String value(String directive) {
        return directive.substring(directive.indexOf(':') + 1).trim();
    }

    /** Text has no NULs and few control characters besides tab, CR and LF. */
    private static boolean looksBinary(String text) {
        int control = 0;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') control++;
        }
        return control * 20 > len;
    }

    private static String sizeText(EvidenceFile file, int seen) {
        long size = file.size() >= 0 ? file.size() : seen;
        if (size < 1024) return size + " bytes";
        if (size < 1024 * 1024) return (size + 512) / 1024 + " KB";
        return (size + 512 * 1024) / (1024 * 1024) + " MB";
    }
}
