package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same attack, collected differently: re-encoded, with other line ends, cut short, copied flat,
 * zipped, or logged by IIS with a custom field set. The verdict and the findings must not change.
 */
class LayoutAndEncodingCasesTest {

    private static final String DAY = "2021-08-20";
    private static final String ATTACKER = "185.220.101.44";
    private static final String RPS_QUERY = "@x.org/powershell/?X-Rps-CAT=VgEAVAdXaW5kb3dzQwBBCEtlcmJlcm9z"
            + "&Email=autodiscover/autodiscover.json%3F@x.org";

    @TempDir
    Path tmp;

    private static List<String> iisAttack() {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 300));
        iis.add(Iis.line(DAY, "07:00:01", "POST", "/autodiscover/autodiscover.json", RPS_QUERY, 443, "", ATTACKER, Iis.PYTHON, 200));
        iis.add(Iis.line(DAY, "07:04:12", "POST", "/aspnet_client/discover.aspx", "", 443, "", ATTACKER, "Mozilla/5.0", 200));
        iis.addAll(Traffic.iisDay(DAY, 20));
        return iis;
    }

    private Path layout(Evidence e, String iisName) {
        return e.write(iisName, Iis.log(DAY, iisAttack())).root();
    }

    private Exhunt.Scan expectProxyShellCompromise(Path evidence) {
        Exhunt.Scan scan = Exhunt.scan(evidence, tmp).expect("compromised", 1);
        assertThat(scan.tags()).contains("cve.2021-34473", "cve.2021-34523", "exhunt.outcome.post-exploitation");
        return scan;
    }

    @ParameterizedTest
    @EnumSource(Evidence.Encoding.class)
    void theVerdictDoesNotDependOnTheTextEncoding(Evidence.Encoding encoding) {
        Path utf8 = layout(Evidence.in(tmp.resolve("plain")), Evidence.W3SVC1 + "u_ex210820.log");
        Path other = layout(Evidence.in(tmp.resolve("enc")).encoding(encoding), Evidence.W3SVC1 + "u_ex210820.log");

        Exhunt.Scan reference = expectProxyShellCompromise(utf8);
        Exhunt.Scan scan = expectProxyShellCompromise(other);

        assertThat(scan.tags()).containsExactlyInAnyOrderElementsOf(reference.tags());
        assertThat(scan.report().at("/scan/events").asLong()).isEqualTo(reference.report().at("/scan/events").asLong());
    }

    @Test
    void utf16HttpProxyLogWithLfLineEndsIsReadLikeUtf8() {
        List<Map<String, String>> rows = new ArrayList<>(Traffic.httpProxyDay(DAY, "Autodiscover", 40));
        rows.add(HttpProxy.row(DAY + "T07:00:01.204Z", "Autodiscover", "POST", "/autodiscover/autodiscover.json",
                "?" + RPS_QUERY, "", "", "", ATTACKER, Iis.PYTHON, 200));
        Path root = Evidence.in(tmp.resolve("case")).encoding(Evidence.Encoding.UTF16LE_BOM).lineEnding("\n")
                .write("HttpProxy_2021082007-1.LOG", HttpProxy.log("15.02.0858.005", HttpProxy.MODERN, rows)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-34473", "exhunt.outcome.success");
    }

    @Test
    void httpProxyLogCutInsideItsLastQuotedValueKeepsTheEarlierRecords() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(HttpProxy.row(DAY + "T07:00:01.204Z", "Autodiscover", "POST", "/autodiscover/autodiscover.json",
                "?" + RPS_QUERY, "", "", "", ATTACKER, Iis.PYTHON, 200));
        rows.addAll(Traffic.httpProxyDay(DAY, "Ecp", 40));
        Path root = Evidence.in(tmp.resolve("case")).encoding(Evidence.Encoding.UTF8_BOM).truncatedLastLine()
                .write(Evidence.SERVER_LOGGING + "HttpProxy/Autodiscover/HttpProxy_2021082007-1.LOG",
                        HttpProxy.log("15.02.0858.005", HttpProxy.MODERN, rows)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-34473", "exhunt.outcome.success");
        assertThat(scan.report().at("/scan/events").asLong()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void lfLineEndsAndATruncatedLastLineKeepTheVerdict() {
        Path root = layout(Evidence.in(tmp.resolve("case")).lineEnding("\n").truncatedLastLine(),
                Evidence.W3SVC1 + "u_ex210820.log");

        expectProxyShellCompromise(root);
    }

    @Test
    void logsCopiedFlatUnderOtherNamesAreStillRecognised() {
        List<Map<String, String>> rows = new ArrayList<>(Traffic.httpProxyDay(DAY, "Owa", 40));
        Path root = Evidence.in(tmp.resolve("case"))
                .write("EXCH02_W3SVC1_u_ex210820.log.txt", Iis.log(DAY, iisAttack()))
                .write("EXCH02_HttpProxy_Owa_2021082007-1.log", HttpProxy.log("15.02.0858.005", HttpProxy.MODERN, rows))
                .root();

        expectProxyShellCompromise(root);
    }

    /** Appends the zero bytes a file pre-extended by Windows keeps after an unclean shutdown. */
    private static void padWithZeros(Path file) {
        try {
            java.nio.file.Files.write(file, new byte[8192], java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aLargeIisLogEndingInZeroBytesKeepsItsRecords() {
        Path root = layout(Evidence.in(tmp.resolve("case")), Evidence.W3SVC1 + "u_ex210820.log");
        padWithZeros(root.resolve(Evidence.W3SVC1 + "u_ex210820.log"));

        Exhunt.Scan scan = expectProxyShellCompromise(root);

        assertThat(scan.report().at("/coverage/files")).allSatisfy(f ->
                assertThat(f.get("status").asText()).as(f.toString()).isIn("read", "partial"));
    }

    @Test
    void aSmallHttpProxyLogEndingInZeroBytesKeepsItsRecords() {
        List<Map<String, String>> rows = new ArrayList<>(Traffic.httpProxyDay(DAY, "Autodiscover", 30));
        rows.add(HttpProxy.row(DAY + "T07:00:01.204Z", "Autodiscover", "POST", "/autodiscover/autodiscover.json",
                "?" + RPS_QUERY, "", "", "", ATTACKER, Iis.PYTHON, 200));
        String name = Evidence.SERVER_LOGGING + "HttpProxy/Autodiscover/HttpProxy_2021082007-1.LOG";
        Path root = Evidence.in(tmp.resolve("case")).write(name, HttpProxy.log("15.02.0858.005", HttpProxy.MODERN, rows)).root();
        padWithZeros(root.resolve(name));

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-34473", "exhunt.outcome.success");
    }

    @Test
    void aZipOfTheEvidenceGivesTheSameFindingsAsTheFolder() {
        Evidence folder = Evidence.in(tmp.resolve("case"));
        layout(folder, Evidence.W3SVC1 + "u_ex210820.log");
        Path zip = folder.zipTo(tmp.resolve("EXCH02-collection.zip"));

        Exhunt.Scan fromFolder = expectProxyShellCompromise(folder.root());
        Exhunt.Scan fromZip = expectProxyShellCompromise(zip);

        assertThat(fromZip.tags()).containsExactlyInAnyOrderElementsOf(fromFolder.tags());
        assertThat(fromZip.levels()).containsExactlyInAnyOrderElementsOf(fromFolder.levels());
    }

    @Test
    void iisWithACustomFieldSetIncludingCookiesShowsTheBackEndCookieAttempt() {
        String fields = "date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username"
                + " c-ip cs-version cs(User-Agent) cs(Cookie) cs(Referer) cs-host sc-status sc-substatus"
                + " sc-win32-status sc-bytes cs-bytes time-taken X-Forwarded-For";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(DAY + " 08:00:" + String.format("%02d", i) + " W3SVC1 EXCH02 10.1.0.5 GET /owa/ - 443 CONTOSO\\user" + i
                    + " 10.9.0.1 HTTP/1.1 " + Iis.EDGE.replace(' ', '+') + " X-OWA-CANARY=abc;+ClientId=D1 - mail.contoso.com"
                    + " 200 0 0 5120 900 15 86.4.2." + i);
        }
        lines.add(DAY + " 08:01:00 W3SVC1 EXCH02 10.1.0.5 GET /owa/auth/x.js - 443 - 10.9.0.1 HTTP/1.1 Mozilla/5.0"
                + " X-AnonResource=true;+X-AnonResource-Backend=localhost/ecp/default.flt?~3;+X-BEResource=localhost/owa/auth/logon.aspx?~3;"
                + " - mail.contoso.com 500 0 0 1200 700 15 " + ATTACKER);
        Path root = Evidence.in(tmp.resolve("case"))
                .write(Evidence.W3SVC1 + "u_ex210820.log", Iis.log(DAY, fields, lines)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("cve.2021-26855").doesNotContain("exhunt.outcome.success");
    }

    @Test
    void iisLogWhoseFieldsChangeAfterARecycleKeepsReadingTheNewColumns() {
        List<String> lines = new ArrayList<>(Iis.log(DAY, Traffic.iisDay(DAY, 100)));
        lines.add("#Software: Microsoft Internet Information Services 10.0");
        lines.add("#Version: 1.0");
        lines.add("#Date: " + DAY + " 12:00:00");
        lines.add("#Fields: date time cs-method cs-uri-stem cs-uri-query c-ip cs(User-Agent) sc-status s-port cs-username");
        lines.add(DAY + " 12:00:05 POST /owa/mastermailbox%40outlook.com/powershell clientId=H 45.76.141.84 ClientInfo 200 443 CONTOSO\\j.smith");
        Path root = Evidence.in(tmp.resolve("case")).write(Evidence.W3SVC1 + "u_ex210820.log", lines).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2022-41080");
    }
}
