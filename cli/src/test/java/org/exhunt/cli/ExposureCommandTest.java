package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExposureCommandTest {

    @Test
    void fullyPatchedBuildExitsZeroAndSaysNoneIsOpen() {
        Cli.Run r = Cli.run("exposure", "15.2.1258.12");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Exchange Server 2019 CU13").contains("Open:    none");
    }

    @Test
    void vulnerableBuildListsEachOpenCveWithItsChainAndTheFixesToInstall() {
        Cli.Run r = Cli.run("exposure", "15.02.0792.010");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains("Build:   15.2.792.10  Exchange Server 2019 CU8 Mar21SU")
                .contains("Open:    6 CVEs")
                .containsPattern("CVE-2021-34473 +ProxyShell")
                .containsPattern("CVE-2022-41082 +ProxyNotShell, OWASSRF")
                .doesNotContain("CVE-2021-26855")
                .contains("Fix:     no update of this CU closes them all; install a newer CU")
                .contains("Newest:  Exchange Server 2019 CU15 (15.2.1748.10");
    }

    @Test
    void cuLineAloneShowsWhatMayBeOpenDependingOnTheUpdate() {
        Cli.Run r = Cli.run("exposure", "15.1.2106");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("update not known").contains("Maybe:").containsPattern("CVE-2021-26855 +ProxyLogon");
    }

    @Test
    void fixOnTheSameCuIsNamedWhenThereIsOne() {
        Cli.Run r = Cli.run("exposure", "15.1.2507.6");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Fix:     Exchange Server 2016 CU23 Nov22SU (15.1.2507.16) closes them on this CU");
    }

    @Test
    void textThatIsNotABuildExitsTwoAndSaysWhatWasExpected() {
        Cli.Run r = Cli.run("exposure", "CU8");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'CU8' is not an Exchange build number").contains("15.2.792.10");
    }

    @Test
    void buildsTheTableDoesNotKnowExitTwoAndSayWhy() {
        Cli.Run exchange2010 = Cli.run("exposure", "14.3.513.0");
        assertThat(exchange2010.exit()).isEqualTo(2);
        assertThat(exchange2010.err()).contains("not a build of Exchange Server 2013, 2016 or 2019");
        Cli.Run later = Cli.run("exposure", "15.2.2562.17");
        assertThat(later.exit()).isEqualTo(2);
        assertThat(later.err()).contains("newer than every build in the table");
    }

    @Test
    void jsonFileCarriesTheSameAnswer(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("exposure.json");
        Cli.Run r = Cli.run("exposure", "15.0.1497.2", "--json", json.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("build").asText()).isEqualTo("15.0.1497.2");
        assertThat(root.get("product").asText()).isEqualTo("Exchange Server 2013");
        assertThat(root.get("standing").asText()).isEqualTo("listed");
        assertThat(root.get("known").asBoolean()).isTrue();
        assertThat(root.get("open")).hasSize(10);
        assertThat(root.get("open").get(0).get("cve").asText()).isEqualTo("CVE-2021-26855");
        assertThat(root.get("open").get(0).get("chains").get(0).asText()).isEqualTo("ProxyLogon");
        assertThat(root.get("lineFix").get("build").asText()).isEqualTo("15.0.1497.44");
        assertThat(root.get("newest").get("name").asText()).isEqualTo("Exchange Server 2013 CU23 Mar23SU");
    }

    @Test
    void jsonToStandardOutputReplacesTheText() throws Exception {
        Cli.Run r = Cli.run("exposure", "15.2.986.36", "--json", "-");
        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("open")).isEmpty();
        assertThat(root.get("lineFix").isNull()).isTrue();
    }
}
