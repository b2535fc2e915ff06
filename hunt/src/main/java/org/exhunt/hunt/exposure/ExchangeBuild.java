package org.exhunt.hunt.exposure;

import java.util.Comparator;

/**
 * An Exchange build number: {@code 15.2.792.10}. The first three numbers name the CU line
 * (product version and build), the fourth the update installed on it; the fourth may be unknown
 * ({@link #revision()} is -1) when only the line is known, as in an OWA path.
 *
 * @param major    product major version, 15 for Exchange 2013 to 2019
 * @param minor    product minor version: 0 (2013), 1 (2016), 2 (2019)
 * @param build    the CU's build number, e.g. 792
 * @param revision the update's revision, e.g. 10, or -1 when unknown
 */
public record ExchangeBuild(int major, int minor, int build, int revision) implements Comparable<ExchangeBuild> {

    private static final Comparator<ExchangeBuild> ORDER = Comparator.comparingInt(ExchangeBuild::major)
            .thenComparingInt(ExchangeBuild::minor)
            .thenComparingInt(ExchangeBuild::build)
            .thenComparingInt(ExchangeBuild::revision);

    public ExchangeBuild {
        if (major < 0 || minor < 0 || build < 0 || revision < -1) {
            throw new IllegalArgumentException("negative part in build " + major + "." + minor + "." + build + "." + revision);
        }
    }

    /**
     * Reads {@code 15.2.792.10}, the long form {@code 15.02.0792.010}, or a line alone
     * ({@code 15.2.792}). Surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static ExchangeBuild parse(String text) {
        ExchangeBuild b = tryParse(text);
        if (b == null) {
            throw new IllegalArgumentException("not an Exchange build number: '" + text
                    + "' (expected three or four dot-separated numbers, e.g. 15.2.792.10 or 15.02.0792.010)");
        }
        return b;
    }

    /** Like {@link #parse} but returns {@code null} for text that is not a build number. */
    public static ExchangeBuild tryParse(String text) {
        if (text == null) return null;
        String s = text.strip();
        int[] parts = new int[4];
        int count = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                // Five digits are more than any real part has; more would risk overflow.
                if (++digits > 6) return null;
                value = value * 10 + (c - '0');
            } else if (c == '.') {
                if (digits == 0 || count == 4) return null;
                parts[count++] = value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (count < 3) return null;
        return new ExchangeBuild(parts[0], parts[1], parts[2], count == 4 ? parts[3] : -1);
    }

    /** Whether the update part is known. */
    public boolean hasRevision() {
        return revision >= 0;
    }

    /** The CU line this build belongs to: the same build with the update part unknown. */
    public ExchangeBuild line() {
        return revision < 0 ? this : new ExchangeBuild(major, minor, build, -1);
    }

    /** Whether both builds belong to the same CU line. */
    public boolean sameLine(ExchangeBuild other) {
        return major == other.major && minor == other.minor && build == other.build;
    }

    /** The long form Exchange itself prints: {@code 15.02.0792.010}. */
    public String longForm() {
        String head = major + "." + String.format("%02d.%04d", minor, build);
        return revision < 0 ? head : head + String.format(".%03d", revision);
    }

    @Override
    public int compareTo(ExchangeBuild o) {
        return ORDER.compare(this, o);
    }

    /** The short form: {@code 15.2.792.10}, or {@code 15.2.792} for a line. */
    @Override
    public String toString() {
        return revision < 0 ? major + "." + minor + "." + build : major + "." + minor + "." + build + "." + revision;
    }
}
