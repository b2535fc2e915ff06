package org.exhunt.sigma.value;

/**
 * Reads the date and time parts of a timestamp as written, without time-zone conversion:
 * {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and {@code HH:mm[:ss[.fff]]}
 * and any zone suffix ({@code Z}, {@code +01:00}), which is ignored. IIS, Exchange CSV logs and
 * ISO-8601 exports all write this shape.
 */
final class Timestamps {
    private Timestamps() {
    }

    /** {year, month, day, hour, minute}; hour and minute are -1 for a date alone; null if not a timestamp. */
    static int[] parts(String s) {
        String t = s.trim();
        if (t.length() < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        int hour = -1;
        int minute = -1;
        if (t.length() > 10) {
            char sep = t.charAt(10);
            if ((sep != 'T' && sep != 't' && sep != ' ') || t.length() < 16 || t.charAt(13) != ':') {
                return null;
            }
            hour = digits(t, 11, 2);
            minute = digits(t, 14, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
                return null;
            }
        }
        return new int[] {year, month, day, hour, minute};
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
