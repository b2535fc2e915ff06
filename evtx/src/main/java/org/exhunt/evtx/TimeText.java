package org.exhunt.evtx;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** FILETIME and SYSTEMTIME conversions and the two text forms of a time stamp. */
final class TimeText {

    /** 100-ns ticks between 1601-01-01 (the FILETIME epoch) and 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private TimeText() {
    }

    /** A FILETIME (unsigned 100-ns ticks since 1601) as an instant. */
    static Instant fromFiletime(long ticks) {
        long seconds = Long.divideUnsigned(ticks, TICKS_PER_SECOND);
        long rest = Long.remainderUnsigned(ticks, TICKS_PER_SECOND);
        return Instant.ofEpochSecond(seconds - EPOCH_DIFF_SECONDS, rest * 100);
    }

    /** The FILETIME of an instant (inverse of {@link #fromFiletime} for instants at or after 1601). */
    static long toFiletime(Instant t) {
        return (t.getEpochSecond() + EPOCH_DIFF_SECONDS) * TICKS_PER_SECOND + t.getNano() / 100;
    }

    /**
     * A SYSTEMTIME (eight little-endian 16-bit fields: year, month, day of week, day, hour,
     * minute, second, milliseconds) as an instant, or null when the fields are not a valid date.
     */
    static Instant fromSystemtime(int year, int month, int day, int hour, int minute, int second, int millis) {
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 || millis > 999) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The calendar date of the last day {@link #windows} wrote, as most times of a log fall on few days. */
    private record Day(long epochDay, int year, int month, int dayOfMonth) {
    }

    private static volatile Day lastDay = new Day(0, 1970, 1, 1);

    /** Windows' form in event XML: seven fraction digits (the FILETIME resolution) and a Z. */
    static String windows(Instant t) {
        long seconds = t.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400L);
        Day day = lastDay;
        if (day.epochDay() != epochDay) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay);
            day = new Day(epochDay, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            lastDay = day;
        }
        if (day.year() < 0 || day.year() > 9999) {
            return windowsSlowly(t);
        }
        // Written into a char array: this runs for the time stamp of every event read.
        int secondOfDay = (int) (seconds - epochDay * 86_400L);
        char[] c = new char[28];
        digits(c, 0, day.year(), 4);
        c[4] = '-';
        digits(c, 5, day.month(), 2);
        c[7] = '-';
        digits(c, 8, day.dayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secondOfDay % 60, 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 100, 7);
        c[27] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** {@link #windows} for years outside 0..9999. */
    static String windowsSlowly(Instant t) {
        StringBuilder sb = new StringBuilder(28);
        appendDateTime(sb, t, 'T');
        sb.append('.');
        pad(sb, t.getNano() / 100, 7);
        return sb.append('Z').toString();
    }

    /**
     * The RFC 3339 form evtx_dump writes into JSON: the time cut to microseconds, then as many
     * fraction digits as needed among none, 3 or 6.
     */
    static String rfc3339(Instant t) {
        StringBuilder sb = new StringBuilder(30);
        appendDateTime(sb, t, 'T');
        int nanos = t.getNano() / 1000 * 1000;
        if (nanos != 0) {
            sb.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(sb, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(sb, nanos / 1_000, 6);
            } else {
                pad(sb, nanos, 9);
            }
        }
        return sb.append('Z').toString();
    }

    private static void appendDateTime(StringBuilder sb, Instant t, char separator) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = d.getYear();
        if (year < 0) {
            sb.append('-');
            year = -year;
        }
        pad(sb, year, 4);
        sb.append('-');
        pad(sb, d.getMonthValue(), 2);
        sb.append('-');
        pad(sb, d.getDayOfMonth(), 2);
        sb.append(separator);
        pad(sb, d.getHour(), 2);
        sb.append(':');
        pad(sb, d.getMinute(), 2);
        sb.append(':');
        pad(sb, d.getSecond(), 2);
    }

    private static void pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
