package org.exhunt.hunt.exposure;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: registry exports, PowerShell output and URL stems come from the evidence, so any
 * bytes must be either build information, a problem message, or nothing, never an exception; and
 * any build found must be a 15.x build. Runs its seeds as a regression test; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class BuildInfoFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyBytesReadAsABuildAProblemOrNothing(byte[] data) {
        BuildInfoFile.mayBe(data, data.length);
        BuildInfoFile.Outcome o = BuildInfoFile.read(data, data.length, "fuzz.reg");
        if (o != null) {
            if ((o.clue() == null) == (o.problem() == null)) throw new IllegalStateException("clue and problem together: " + o);
            if (o.clue() != null && o.clue().strength() != BuildClue.Strength.REGISTRY && o.clue().build().major() != 15) {
                throw new IllegalStateException("not an Exchange build: " + o.clue());
            }
        }
        ExchangeBuild line = OwaPath.line(data, 0, data.length);
        if (line != null && line.hasRevision()) throw new IllegalStateException("an OWA path gave an update: " + line);
        String text = new String(data, StandardCharsets.UTF_8);
        ExchangeBuild b = ExchangeBuild.tryParse(text);
        if (b != null) BuildTable.builtIn().assess(b);
    }
}
