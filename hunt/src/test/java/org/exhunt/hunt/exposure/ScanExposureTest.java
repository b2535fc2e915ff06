package org.exhunt.hunt.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhunt.hunt.read.CorpusFiles;
import org.exhunt.hunt.report.ConsoleReport;
import org.exhunt.hunt.report.Exposure;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.report.ScanReport;
import org.exhunt.hunt.scan.ReportAssembler;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanExposureTest {

    private static final String IIS_HEADER = "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n"
            + "#Date: 2021-03-03 00:00:00\r\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n";

    private static String request(String time, String stem, int status) {
        return "2021-03-03 " + time + " 10.0.0.20 GET " + stem + " - 443 - 10.0.3.70 Mozilla/5.0 - " + status + " 0 0 15\r\n";
    }

    /** Lines 5 to 8: an old CU's folder, the served one, a made-up higher one (404), and a page. */
    private static void webLog(Path folder) throws IOException {
        Files.writeString(folder.resolve("u_ex210303.log"), IIS_HEADER
                + request("00:00:01", "/ecp/15.1.2044/scripts/common/ecp.js", 200)
                + request("00:00:02", "/owa/auth/15.1.2106/themes/resources/favicon.ico", 200)
                + request("00:00:03", "/owa/auth/15.1.9999/themes/resources/favicon.ico", 404)
                + request("00:00:04", "/owa/auth/logon.aspx", 200), StandardCharsets.UTF_8);
    }

    private static ScanResult scan(Path folder) {
        ScanOptions o = ScanOptions.of(List.of(folder));
        return new Scanner().scan(new ScanOptions(o.inputs(), List.of(), true, null, null, 1, o.failLevel()), ScanListener.NONE);
    }

    @Test
    void servedOwaFolderInAWebLogGivesTheCuLineAndWhatStaysOpenOnIt(@TempDir Path evidence) throws IOException {
        webLog(evidence);
        Exposure e = scan(evidence).exposure();
        assertThat(e.build()).isEqualTo("15.1.2106");
        assertThat(e.source()).startsWith("OWA/ECP path in ").contains("u_ex210303.log line 6")
                .contains("names the CU but not its update").contains("CVE-2021-26855");
        // 2016 CU18's last update (Mar21SU) fixed ProxyLogon only.
        assertThat(e.cves()).containsExactly("CVE-2021-34473", "CVE-2021-34523", "CVE-2021-31207",
                "CVE-2022-41040", "CVE-2022-41082", "CVE-2022-41080");
    }

    @Test
    void registryExportOutranksTheWebLogAndIsCoveredAsBuildInformation(@TempDir Path evidence) throws IOException {
        webLog(evidence);
        Files.write(evidence.resolve("exchange-setup.reg"), BuildSourcesTest.utf16WithBom(BuildSourcesTest.SETUP_KEY_2019_CU8_MAR21));
        ScanResult result = scan(evidence);
        assertThat(result.exposure().build()).isEqualTo("15.2.792.10");
        assertThat(result.exposure().source()).startsWith("registry export ").endsWith("exchange-setup.reg line 3");
        assertThat(result.exposure().cves()).hasSize(6).doesNotContain("CVE-2021-26855");
        FileCoverage reg = coverageOf(result, "exchange-setup.reg");
        assertThat(reg.kind()).isEqualTo(BuildInfoFile.KIND);
        assertThat(reg.status()).isEqualTo("read");

        ScanReport report = ReportAssembler.assemble(result, "test");
        assertThat(report.exposure()).isEqualTo(result.exposure());
        assertThat(ConsoleReport.render(report, false))
                .contains("Exposure: Exchange 15.2.792.10 from registry export ")
                .contains("open: CVE-2021-34473 CVE-2021-34523 CVE-2021-31207 CVE-2022-41040 CVE-2022-41082 CVE-2022-41080");
    }

    @Test
    void exSetupOutputOutranksTheWebLog(@TempDir Path evidence) throws IOException {
        webLog(evidence);
        Files.write(evidence.resolve("exsetup.txt"), BuildSourcesTest.utf16WithBom(
                "\r\nProductVersion   FileVersion      FileName\r\n--------------   -----------      --------\r\n"
                        + "15.01.2375.037   15.01.2375.037   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe\r\n"));
        ScanResult result = scan(evidence);
        assertThat(result.exposure().build()).isEqualTo("15.1.2375.37");
        assertThat(result.exposure().source()).startsWith("ExSetup.exe version in ").endsWith("exsetup.txt line 4");
        assertThat(result.exposure().cves()).isEmpty();
        assertThat(coverageOf(result, "exsetup.txt").kind()).isEqualTo(BuildInfoFile.KIND);
    }

    @Test
    void brokenRegistryExportFailsInCoverageAndTheWebLogStillSpeaks(@TempDir Path evidence) throws IOException {
        webLog(evidence);
        Files.write(evidence.resolve("setup.reg"), BuildSourcesTest.utf16WithBom(
                BuildSourcesTest.SETUP_KEY_2019_CU8_MAR21.replace("\"MsiBuildMajor\"=dword:00000318\r\n", "")));
        ScanResult result = scan(evidence);
        FileCoverage reg = coverageOf(result, "setup.reg");
        assertThat(reg.status()).isEqualTo("failed");
        assertThat(reg.reason()).contains("no MsiBuildMajor value");
        assertThat(result.exposure().build()).isEqualTo("15.1.2106");
    }

    @Test
    void buildTextInsideAWebFileIsSweptAndNotTrusted(@TempDir Path evidence) throws IOException {
        webLog(evidence);
        Path web = Files.createDirectories(evidence.resolve("inetpub/wwwroot/aspnet_client"));
        Files.writeString(web.resolve("version.aspx"), "ExSetup\r\n15.2.1748.10\r\n");
        ScanResult result = scan(evidence);
        assertThat(coverageOf(result, "version.aspx").kind()).isEqualTo("web-file");
        assertThat(result.exposure().build()).isEqualTo("15.1.2106");
    }

    @Test
    void evidenceWithoutBuildInformationLeavesExposureUnknown(@TempDir Path evidence) throws IOException {
        Files.writeString(evidence.resolve("u_ex1.log"), IIS_HEADER + request("00:00:01", "/owa/auth/logon.aspx", 200));
        assertThat(scan(evidence).exposure()).isEqualTo(Exposure.UNKNOWN);
    }

    @Test
    void exampleCompromiseIsAnUnpatchedExchange2016Cu18ByItsRegistryExport() {
        Path example = exampleFolder("proxylogon-compromised");
        Exposure e = scan(example).exposure();
        assertThat(e.build()).isEqualTo("15.1.2106.2");
        assertThat(e.source()).startsWith("registry export ").endsWith("exchange-setup.reg line 3");
        assertThat(e.cves()).hasSize(10).startsWith("CVE-2021-26855");
    }

    @Test
    void ecpScriptFolderAsExchangeConfiguresItNamesTheLine() throws IOException {
        Path config = CorpusFiles.require("benign/CSS-Exchange/Diagnostics/HealthChecker/Tests/DataCollection/E19/Exchange/IIS/ClientAccess/ecp/web.config");
        String text = Files.readString(config);
        int at = text.indexOf("clientScriptsLocation=\"");
        assertThat(at).as("clientScriptsLocation in " + config).isPositive();
        String stem = text.substring(at + 23, text.indexOf('"', at + 23));
        assertThat(OwaPath.line(stem)).isEqualTo(ExchangeBuild.parse("15.2.1118"));
    }

    private static FileCoverage coverageOf(ScanResult result, String name) {
        return result.coverage().stream().filter(c -> c.path().endsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no coverage for " + name + " in " + result.coverage()));
    }

    private static Path exampleFolder(String name) {
        String root = System.getProperty("exhunt.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples").resolve(name);
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new AssertionError("example evidence folder " + name + " not found from " + start);
    }
}
