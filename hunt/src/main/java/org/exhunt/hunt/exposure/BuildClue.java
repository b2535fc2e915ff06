package org.exhunt.hunt.exposure;

/**
 * A build number found in the evidence, where, and how far it can be trusted.
 *
 * @param build    the build; for {@link Strength#OWA_PATH} only its CU line
 * @param source   the file (and line) it was read from, as the report shows it
 * @param strength what kind of evidence it is
 */
public record BuildClue(ExchangeBuild build, String source, Strength strength) {

    /** Kinds of build evidence, strongest first in precedence. */
    public enum Strength {
        /** Exchange's own Setup key: what is installed, update included. */
        REGISTRY,
        /** The file version of ExSetup.exe, which every update rewrites. */
        EXSETUP,
        /** The version folder in an OWA or ECP URL: names the CU line, not the update. */
        OWA_PATH
    }

    /** Whether this clue should replace {@code other}: stronger evidence, or a higher build of the same kind. */
    public boolean beats(BuildClue other) {
        if (other == null) return true;
        if (strength != other.strength) return strength.ordinal() < other.strength.ordinal();
        return build.compareTo(other.build) > 0;
    }
}
