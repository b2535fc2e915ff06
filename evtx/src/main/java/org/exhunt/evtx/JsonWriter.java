package org.exhunt.evtx;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as JSON, either on one line
 * or indented by two spaces as serde_json's pretty printer does.
 */
final class JsonWriter {

    private final StringBuilder sb;
    private final boolean pretty;

    JsonWriter(StringBuilder sb, boolean pretty) {
        this.sb = sb;
        this.pretty = pretty;
    }

    void write(Object value, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(depth + 1);
                string((String) e.getKey());
                sb.append(pretty ? ": " : ":");
                write(e.getValue(), depth + 1);
            }
            newline(depth);
            sb.append('}');
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(depth + 1);
                write(l.get(i), depth + 1);
            }
            newline(depth);
            sb.append(']');
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            sb.append("null");
        } else if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            sb.append("null");
        } else {
            sb.append(value);
        }
    }

    private void newline(int depth) {
        if (pretty) {
            sb.append('\n');
            for (int i = 0; i < depth; i++) {
                sb.append("  ");
            }
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
