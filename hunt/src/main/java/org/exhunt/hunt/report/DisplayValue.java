package org.exhunt.hunt.report;

import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/** A matched value as one line of text for people (HTML, console); JSON keeps the structure. */
final class DisplayValue {

    private DisplayValue() {
    }

    static String of(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof byte[] bytes) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Collection<?> items) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            items.forEach(item -> joined.add(of(item)));
            return joined.toString();
        }
        if (value instanceof Object[] items) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            for (Object item : items) joined.add(of(item));
            return joined.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> joined.add(k + "=" + of(v)));
            return joined.toString();
        }
        return value.toString();
    }
}
