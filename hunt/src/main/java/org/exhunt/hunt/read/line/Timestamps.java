package org.exhunt.hunt.read.line;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps logs write, straight from bytes. The day number of the last date seen is
 * cached: a log holds one or a few days, so the calendar work is done once per day, not per line.
 */
public final class Timestamps {

    private int lastY = -1;
    private int lastM = -1;
    private int lastD = -1;
    private long lastEpochDay;

    /**
     * {@code YYYY-MM-DD} and {@code HH:MM:SS[.fff]} (W3C {@code date} and {@code time}), as UTC;
     * null when either is malformed.
     */
    public Instant dateAndTime(byte[] b, int ds, int de, int ts, int te) {
        if (de - ds != 10 || b[ds + 4] != '-' || b[ds + 7] != '-') return null;
        long day = epochDay(num(b, ds, 4), num(b, ds + 5, 2), num(b, ds + 8, 2));
        if (day == Long.MIN_VALUE) return null;
        long nanos = timeOfDay(b, ts, te);
        if (nanos < 0) return null;
        return Instant.ofEpochSecond(day * 86_400L + nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    /**
     * ISO-8601 {@code YYYY-MM-DDTHH:MM:SS[.f...][Z|±HH:MM]} (a space instead of {@code T} is
     * taken too; no zone means UTC); null when malformed.
     */
    public Instant iso(byte[] b, int s, int e) {
        if (e - s < 19 || b[s + 4] != '-' || b[s + 7] != '-' || (b[s + 10] != 'T' && b[s + 10] != ' ')) return null;
        long day = epochDay(num(b, s, 4), num(b, s + 5, 2), num(b, s + 8, 2));
        if (day == Long.MIN_VALUE) return null;
        int zone = s + 19;
        while (zone < e && (b[zone] == '.' || (b[zone] >= '0' && b[zone] <= '9'))) zone++;
        long nanos = timeOfDay(b, s + 11, zone);
        if (nanos < 0) return null;
        long offsetSeconds = 0;
        if (zone < e) {
            if (e - zone == 1 && (b[zone] == 'Z' || b[zone] == 'z')) {
                offsetSeconds = 0;
            } else {
                try {
                    String text = new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1).replace(' ', 'T');
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException ex) {
                    return null;
                }
            }
        }
        return Instant.ofEpochSecond(day * 86_400L + nanos / 1_000_000_000L - offsetSeconds, nanos % 1_000_000_000L);
    }

    private long epochDay(int y, int m, int d) {
        if (y < 0 || m < 0 || d < 0) return Long.MIN_VALUE;
        if (y == lastY && m == lastM && d == lastD) return lastEpochDay;
        try {
            long day = LocalDate.of(y, m, d).toEpochDay();
            lastY = y;
            lastM = m;
            lastD = d;
            lastEpochDay = day;
            return day;
        } catch (DateTimeException ex) {
            return Long.MIN_VALUE;
        }
    }

    /** Nanoseconds since midnight of {@code HH:MM:SS[.f...]}, or -1. */
    private static long timeOfDay(byte[] b, int s, int e) {
        if (e - s < 8 || b[s + 2] != ':' || b[s + 5] != ':') return -1;
        int h = num(b, s, 2);
        int mi = num(b, s + 3, 2);
        int se = num(b, s + 6, 2);
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) return -1;
        long nanos = 0;
        if (e - s > 8) {
            if (b[s + 8] != '.' || e - s == 9) return -1;
            long scale = 100_000_000L;
            for (int i = s + 9; i < e; i++) {
                int dgt = b[i] - '0';
                if (dgt < 0 || dgt > 9) return -1;
                nanos += dgt * scale;
                scale /= 10;
            }
        }
        return ((h * 60L + mi) * 60L + se) * 1_000_000_000L + nanos;
    }

    private static int num(byte[] b, int s, int len) {
        int v = 0;
        for (int i = s; i < s + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }
}
