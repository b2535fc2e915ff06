package org.exhunt.yara.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code math}: byte statistics over a range of the data or over a string, with YARA's
 * definitions (ent's serial correlation and Monte Carlo pi, population entropy in bits).
 *
 * <p>Three of YARA's quirks are kept on purpose, since rules are tuned against them: the string
 * forms of mean, deviation, serial correlation and Monte Carlo pi read bytes as C's signed
 * {@code char} (so bytes from 0x80 count as negative), and {@code min}/{@code max} compare as
 * unsigned 64-bit integers, and serial correlation wraps around with the last byte squared.
 */
final class MathRuntime implements ModuleRuntime {

    private static final double PI = 3.141592653589793;
    private static final double IN_CIRCLE = Math.pow(Math.pow(256.0, 3.0) - 1, 2.0);

    private static final Map<String, Object> VALUES = new LinkedHashMap<>();
    /** The same values for every buffer, shared by all scans and threads, so never modifiable. */
    private static final Map<String, Object> READ_ONLY = java.util.Collections.unmodifiableMap(VALUES);

    static {
        VALUES.put("MEAN_BYTES", 127.5);
        VALUES.put("entropy", (ModuleFunction) MathRuntime::entropy);
        VALUES.put("mean", (ModuleFunction) MathRuntime::mean);
        VALUES.put("deviation", (ModuleFunction) MathRuntime::deviation);
        VALUES.put("serial_correlation", (ModuleFunction) MathRuntime::serialCorrelation);
        VALUES.put("monte_carlo_pi", (ModuleFunction) MathRuntime::monteCarloPi);
        VALUES.put("in_range", (ModuleFunction) (a, d) -> {
            double test = (Double) a.get(0);
            return (Double) a.get(1) <= test && test <= (Double) a.get(2) ? 1L : 0L;
        });
        VALUES.put("min", (ModuleFunction) (a, d) ->
                Long.compareUnsigned((Long) a.get(0), (Long) a.get(1)) < 0 ? a.get(0) : a.get(1));
        VALUES.put("max", (ModuleFunction) (a, d) ->
                Long.compareUnsigned((Long) a.get(0), (Long) a.get(1)) > 0 ? a.get(0) : a.get(1));
        VALUES.put("to_number", (ModuleFunction) (a, d) -> truth(a.get(0)) ? 1L : 0L);
        VALUES.put("abs", (ModuleFunction) (a, d) -> Math.abs((Long) a.get(0)));
        VALUES.put("count", (ModuleFunction) MathRuntime::count);
        VALUES.put("percentage", (ModuleFunction) MathRuntime::percentage);
        VALUES.put("mode", (ModuleFunction) MathRuntime::mode);
    }

    @Override
    public String name() {
        return "math";
    }

    @Override
    public Map<String, Object> load(byte[] data) {
        return READ_ONLY;
    }

    private static boolean truth(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        return v != null;
    }

    /** Byte counts of the range {@code (args[0], args[1])}, or null when YARA leaves it undefined. */
    private static long[] distribution(byte[] data, Object offset, Object length) {
        DataRange r = DataRange.of(data, (Long) offset, (Long) length);
        if (r == null) {
            return null;
        }
        return distribution(data, r.start(), r.length());
    }

    private static long[] distribution(byte[] data, int start, int length) {
        long[] counts = new long[256];
        for (int i = start; i < start + length; i++) {
            counts[data[i] & 0xFF]++;
        }
        return counts;
    }

    private static long total(long[] counts) {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    private static Object entropy(List<Object> a, byte[] data) {
        long[] counts;
        if (a.size() == 1) {
            byte[] s = DataRange.bytesOf((String) a.get(0));
            counts = distribution(s, 0, s.length);
        } else {
            counts = distribution(data, a.get(0), a.get(1));
        }
        if (counts == null) {
            return null;
        }
        double total = total(counts);
        double entropy = 0;
        for (long c : counts) {
            if (c != 0) {
                double x = c / total;
                entropy -= x * (Math.log(x) / Math.log(2));
            }
        }
        return entropy;
    }

    private static Object mean(List<Object> a, byte[] data) {
        if (a.size() == 1) {
            byte[] s = DataRange.bytesOf((String) a.get(0));
            double sum = 0;
            for (byte b : s) {
                sum += b; // signed, as C's char
            }
            return nanAsUndefined(sum / s.length);
        }
        long[] counts = distribution(data, a.get(0), a.get(1));
        if (counts == null) {
            return null;
        }
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * counts[i];
        }
        return nanAsUndefined(sum / total(counts));
    }

    private static Object deviation(List<Object> a, byte[] data) {
        if (a.size() == 2) {
            byte[] s = DataRange.bytesOf((String) a.get(0));
            double mean = (Double) a.get(1);
            double sum = 0;
            for (byte b : s) {
                sum += Math.abs(b - mean);
            }
            return nanAsUndefined(sum / s.length);
        }
        long[] counts = distribution(data, a.get(0), a.get(1));
        if (counts == null) {
            return null;
        }
        double mean = (Double) a.get(2);
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += Math.abs(i - mean) * counts[i];
        }
        return nanAsUndefined(sum / total(counts));
    }

    /**
     * The bytes a statistic runs over: a string argument (read as signed chars, as YARA's string
     * forms do) or an {@code (offset, size)} range of the data; null when the range is outside it.
     */
    private record Span(byte[] bytes, int start, int length, boolean signed) {
        static Span of(List<Object> a, byte[] data) {
            if (a.size() == 1) {
                byte[] b = DataRange.bytesOf((String) a.get(0));
                return new Span(b, 0, b.length, true);
            }
            DataRange r = DataRange.of(data, (Long) a.get(0), (Long) a.get(1));
            return r == null ? null : new Span(data, r.start(), r.length(), false);
        }
    }

    private static Object serialCorrelation(List<Object> a, byte[] data) {
        Span span = Span.of(a, data);
        if (span == null) {
            return null;
        }
        byte[] bytes = span.bytes();
        int start = span.start();
        int length = span.length();
        boolean signed = span.signed();
        double last = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int i = 0; i < length; i++) {
            double v = signed ? bytes[start + i] : bytes[start + i] & 0xFF;
            t1 += last * v;
            t2 += v;
            t3 += v * v;
            last = v;
        }
        // YARA 4.2 closes the cycle with the last byte times itself (not times the first byte, as ent does).
        t1 += last * last;
        t2 *= t2;
        double scc = length * t3 - t2;
        return scc == 0 ? -100000.0 : nanAsUndefined((length * t1 - t2) / scc);
    }

    private static Object monteCarloPi(List<Object> a, byte[] data) {
        Span span = Span.of(a, data);
        if (span == null) {
            return null;
        }
        byte[] bytes = span.bytes();
        int start = span.start();
        int length = span.length();
        boolean signed = span.signed();
        double[] monte = new double[6];
        long tries = 0;
        long inside = 0;
        for (int i = 0; i < length; i++) {
            // C converts a signed char to unsigned int: negative bytes become 2^32 - n.
            monte[i % 6] = signed ? (bytes[start + i] & 0xFFFFFFFFL) : bytes[start + i] & 0xFF;
            if (i % 6 == 5) {
                tries++;
                double x = 0;
                double y = 0;
                for (int j = 0; j < 3; j++) {
                    x = x * 256.0 + monte[j];
                    y = y * 256.0 + monte[j + 3];
                }
                if (x * x + y * y <= IN_CIRCLE) {
                    inside++;
                }
            }
        }
        if (tries == 0) {
            return null;
        }
        double pi = 4.0 * ((double) inside / tries);
        return Math.abs((pi - PI) / PI);
    }

    private static long[] countsFor(List<Object> a, byte[] data, int rangeArgument) {
        if (a.size() > rangeArgument) {
            return distribution(data, a.get(rangeArgument), a.get(rangeArgument + 1));
        }
        return data.length == 0 ? null : distribution(data, 0, data.length);
    }

    private static Object count(List<Object> a, byte[] data) {
        long b = (Long) a.get(0);
        if (b < 0 || b > 255) {
            return null;
        }
        long[] counts = countsFor(a, data, 1);
        return counts == null ? null : counts[(int) b];
    }

    private static Object percentage(List<Object> a, byte[] data) {
        long b = (Long) a.get(0);
        if (b < 0 || b > 255) {
            return null;
        }
        long[] counts = countsFor(a, data, 1);
        if (counts == null) {
            return null;
        }
        // YARA divides in single precision.
        return nanAsUndefined((double) ((float) counts[(int) b] / (float) total(counts)));
    }

    private static Object mode(List<Object> a, byte[] data) {
        long[] counts = countsFor(a, data, 0);
        if (counts == null) {
            return null;
        }
        int most = 0;
        for (int i = 0; i < 256; i++) {
            if (counts[i] > counts[most]) {
                most = i;
            }
        }
        return (long) most;
    }

    private static Double nanAsUndefined(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
