package org.exhunt.hunt.read.windows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the times Windows event exports write: {@code 2021-03-03T05:12:44.1234567Z} (EVTX
 * SystemTime, up to nine fraction digits), {@code 2021-03-03 05:12:44} (NXLog EventTime, no zone:
 * taken as UTC), and ISO times with an offset ({@code +01:00}, {@code +0100}). Hand-written
 * because it runs once per event.
 */
final class EventTimes {

    private EventTimes() {
    }

    /** The instant, or {@code null} when the text is not such a time. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 19) return null;
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        char sep = s.charAt(10);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || s.charAt(4) != '-' || s.charAt(7) != '-' || (sep != 'T' && sep != ' ' && sep != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':' || hour > 23 || minute > 59 || second > 60) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 9) nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) return null;
            for (int d = Math.min(i - start, 9); d < 9; d++) nanos *= 10;
        }
        int offsetSeconds = 0;
        if (i < n) {
            char z = s.charAt(i);
            if (z == 'Z' || z == 'z') {
                i++;
            } else if (z == '+' || z == '-') {
                int oh = digits(s, i + 1, 2);
                int om;
                int end;
                if (i + 3 < n && s.charAt(i + 3) == ':') {
                    om = digits(s, i + 4, 2);
                    end = i + 6;
                } else {
                    om = digits(s, i + 3, 2);
                    end = i + 5;
                }
                if (oh < 0 || om < 0 || oh > 18 || om > 59) return null;
                offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
                i = end;
            }
            if (i != n) return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long secs = epochDay * 86_400 + hour * 3600L + minute * 60L + Math.min(second, 59) - offsetSeconds;
            return Instant.ofEpochSecond(secs, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of {@code len} digits at {@code from}, or -1. */
    private static int digits(String s, int from, int len) {
        if (from < 0 || from + len > s.length()) return -1;
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
