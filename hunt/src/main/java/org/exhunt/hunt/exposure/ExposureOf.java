package org.exhunt.hunt.exposure;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.report.Exposure;

/**
 * Turns the best build clue into the report's {@link Exposure}.
 *
 * <p>From an OWA path only the CU line is known: {@code cves} then lists what stays open on the
 * newest update of that line (open whatever update is installed), and {@code source} says that
 * more are open if the line's updates were not installed, naming them.
 */
public final class ExposureOf {

    private ExposureOf() {
    }

    public static Exposure of(BuildClue clue, BuildTable table) {
        if (clue == null) return Exposure.UNKNOWN;
        Assessment a = table.assess(clue.build());
        String source = switch (clue.strength()) {
            case REGISTRY -> "registry export " + clue.source();
            case EXSETUP -> "ExSetup.exe version in " + clue.source();
            case OWA_PATH -> "OWA/ECP path in " + clue.source() + ", which names the CU but not its update"
                    + (a.uncertain().isEmpty() ? "" : "; open too unless an update of that CU is installed: "
                    + String.join(" ", a.uncertain()));
        };
        List<String> cves = new ArrayList<>(a.open());
        if (!a.standing().known()) source += " [" + a.name() + "]";
        return new Exposure(clue.build().toString(), source, cves);
    }
}
