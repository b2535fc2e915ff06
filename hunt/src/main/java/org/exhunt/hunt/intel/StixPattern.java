package org.exhunt.hunt.intel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of the STIX 2.1 patterning language that names single values: observations of
 * {@code object-path = 'value'} (or {@code ISSUBSET} for address ranges), joined by {@code OR}
 * inside and between brackets. Each such comparison on its own satisfies the pattern, so each
 * can be an indicator. A pattern using {@code AND}, {@code FOLLOWEDBY}, qualifiers or other
 * operators constrains several values together; taking its values one by one would match far
 * more than its author meant, so it is rejected as a whole, with the reason.
 */
final class StixPattern {

    /** One comparison: {@code path op 'value'}. */
    record Comparison(String path, String operator, String value) {
    }

    /** The comparisons, or the reason the pattern can't be used (then {@code comparisons} is empty). */
    record Parsed(List<Comparison> comparisons, String error) {
    }

    private final String text;
    private int pos;

    private StixPattern(String text) {
        this.text = text;
    }

    static Parsed parse(String pattern) {
        try {
            return new Parsed(new StixPattern(pattern).pattern(), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(List.of(), e.getMessage());
        }
    }

    private List<Comparison> pattern() {
        List<Comparison> out = new ArrayList<>();
        observation(out);
        while (true) {
            skipSpace();
            if (pos >= text.length()) return out;
            String word = word();
            if (!word.equalsIgnoreCase("OR")) throw unusable(word);
            observation(out);
        }
    }

    private void observation(List<Comparison> out) {
        skipSpace();
        expect('[');
        while (true) {
            out.add(comparison());
            skipSpace();
            if (peek() == ']') {
                pos++;
                return;
            }
            String word = word();
            if (!word.equalsIgnoreCase("OR")) throw unusable(word);
        }
    }

    private Comparison comparison() {
        skipSpace();
        String path = path();
        skipSpace();
        String op;
        if (peek() == '=') {
            pos++;
            op = "=";
        } else {
            op = word().toUpperCase(Locale.ROOT);
            if (!op.equals("ISSUBSET")) {
                throw new IllegalArgumentException("operator '" + (op.isEmpty() ? String.valueOf(peek()) : op)
                        + "' at offset " + pos + " is not used (only '=' and ISSUBSET name single values)");
            }
        }
        skipSpace();
        if (peek() != '\'') throw new IllegalArgumentException("expected a quoted string at offset " + pos);
        return new Comparison(path, op, quoted());
    }

    private String path() {
        StringBuilder b = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '.' || c == '*') {
                b.append(c);
                pos++;
            } else if (c == '\'' && b.length() > 0 && b.charAt(b.length() - 1) == '.') {
                b.append('\'').append(quoted()).append('\'');
            } else if (c == '[' && b.length() > 0) {
                // list index such as values[*]
                int close = text.indexOf(']', pos);
                if (close < 0) break;
                b.append(text, pos, close + 1);
                pos = close + 1;
            } else {
                break;
            }
        }
        if (b.indexOf(":") <= 0) throw new IllegalArgumentException("expected an object path like ipv4-addr:value at offset " + pos);
        return b.toString();
    }

    private String quoted() {
        expect('\'');
        StringBuilder b = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                b.append(text.charAt(pos++));
            } else if (c == '\'') {
                return b.toString();
            } else {
                b.append(c);
            }
        }
        throw new IllegalArgumentException("string opened before offset " + pos + " is never closed");
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    private IllegalArgumentException unusable(String word) {
        if (word.isEmpty()) {
            return new IllegalArgumentException("unexpected '" + (pos < text.length() ? text.charAt(pos) : "end")
                    + "' at offset " + pos);
        }
        return new IllegalArgumentException("'" + word + "' at offset " + (pos - word.length())
                + " joins values that must be seen together; only OR-ed single values are used");
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at offset " + pos + ", found "
                    + (pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end"));
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    /** The kind of value an object path names, or {@code null} for paths exhunt does not use. */
    static Kind kindOf(String path) {
        String p = path.toLowerCase(Locale.ROOT).replace("'", "");
        return switch (p) {
            case "ipv4-addr:value", "ipv6-addr:value", "network-traffic:src_ref.value",
                 "network-traffic:dst_ref.value" -> Kind.IP;
            case "domain-name:value" -> Kind.DOMAIN;
            case "url:value" -> Kind.URL;
            case "file:hashes.sha-256", "file:hashes.sha256" -> Kind.SHA256;
            case "file:hashes.md5" -> Kind.MD5;
            case "file:hashes.sha-1", "file:hashes.sha1" -> Kind.SHA1;
            case "file:name" -> Kind.FILE;
            case "network-traffic:extensions.http-request-ext.request_header.user-agent" -> Kind.USER_AGENT;
            default -> null;
        };
    }
}
