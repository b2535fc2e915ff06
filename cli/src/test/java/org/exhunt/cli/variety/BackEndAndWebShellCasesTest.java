package org.exhunt.cli.variety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence that shows only the back end, or only the shell: each alone must still tell the story. */
class BackEndAndWebShellCasesTest {

    private static final String DAY = "2021-08-22";

    @TempDir
    Path tmp;

    @Test
    void proxyShellSeenOnlyOnTheBackEndSiteIsACompromise() {
        // What the back end receives once the front end has been confused: the smuggled path, with
        // the Email parameter that carried the confusion still on the query, from the server itself.
        List<String> backEnd = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            backEnd.add(Iis.line(DAY, "06:00:" + String.format("%02d", i), "POST", "/mapi/emsmdb/",
                    "MailboxId=4f1a7c2e@contoso.com&CorrelationID=<empty>;", 444, "user" + i + "@contoso.com", "10.1.0.5", Iis.OUTLOOK, 200));
        }
        backEnd.add(Iis.line(DAY, "06:31:02", "POST", "/powershell",
                "X-Rps-CAT=VgEAVAdXaW5kb3dzQwBBCEtlcmJlcm9z&Email=autodiscover/autodiscover.json%3F@evil.corp&CorrelationID=<empty>;",
                444, "CONTOSO\\Administrator", "10.1.0.5", "Microsoft WinRM Client", 200));
        Path root = Evidence.in(tmp.resolve("case")).write(Evidence.W3SVC2 + "u_ex210822.log", Iis.log(DAY, backEnd)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("cve.2021-34473", "cve.2021-34523");
    }

    @Test
    void aShellUnderOwaAuthAnsweringPostsIsACompromise() {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 200));
        iis.add(Iis.line(DAY, "14:02:11", "POST", "/owa/auth/RedirSuiteServerProxy.aspx", "", 443, "", "103.77.192.219", "Mozilla/5.0", 200));
        Path root = Evidence.in(tmp.resolve("case")).write(Evidence.W3SVC1 + "u_ex210822.log", Iis.log(DAY, iis)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("exhunt.outcome.post-exploitation", "attack.t1505.003");
    }

    @Test
    void gzippedIisLogIsReadLikeThePlainOne() throws IOException {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 200));
        iis.add(Iis.line(DAY, "14:02:11", "GET", "/aspnet_client/system_web/4_0_30319/errorEE.aspx", "", 443, "", "103.77.192.219", "Mozilla/5.0", 200));
        Path dir = Files.createDirectories(tmp.resolve("case"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("u_ex210822.log.gz")))) {
            out.write((String.join("\r\n", Iis.log(DAY, iis)) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        Exhunt.Scan scan = Exhunt.scan(dir, tmp).expect("compromised", 1);

        assertThat(scan.tags()).contains("exhunt.outcome.post-exploitation");
    }

    @Test
    void aClientAskingForAnAspnetClientPageThatIsNotThereIsNotACompromise() {
        List<String> iis = new ArrayList<>(Traffic.iisDay(DAY, 200));
        iis.add(Iis.line(DAY, "14:02:11", "GET", "/aspnet_client/shell.aspx", "", 443, "", "203.160.69.66", "Mozilla/5.0", 404));
        Path root = Evidence.in(tmp.resolve("case")).write(Evidence.W3SVC1 + "u_ex210822.log", Iis.log(DAY, iis)).root();

        Exhunt.Scan scan = Exhunt.scan(root, tmp).expect("attempted", 1);

        assertThat(scan.tags()).contains("exhunt.outcome.recon").doesNotContain("exhunt.outcome.post-exploitation");
    }
}
