package org.exhunt.hunt.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.exhunt.hunt.finding.Finding;
import org.exhunt.hunt.finding.Level;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.report.FileCoverage;
import org.exhunt.hunt.scan.ScanListener;
import org.exhunt.hunt.scan.ScanOptions;
import org.exhunt.hunt.scan.ScanResult;
import org.exhunt.hunt.scan.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web-file sweep inside a scan: files IIS would run (by extension, by folder, by content)
 * are checked with YARA and against SHA-256 indicators; other files stay skipped; the user's
 * YARA rules also run over text logs.
 */
class WebFileSweepTest {

    static final String CHOPPER = "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"z\"],\"unsafe\");%>";

    @Test
    void a_shell_in_owa_auth_is_found_and_every_swept_file_is_covered_as_a_web_file(@TempDir Path dir) throws IOException {
        Path server = dir.resolve("mbx01");
        Path auth = write(server.resolve("Program Files/Microsoft/Exchange Server/V15/FrontEnd/HttpProxy/owa/auth/errorFE.aspx"), CHOPPER);
        Path page = write(server.resolve("inetpub/wwwroot/default.aspx"),
                "<%@ Page Language=\"C#\" %><html><body><h1>Welcome</h1></body></html>");
        Path renamed = write(server.resolve("temp/notes.txt"), "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"pass\"],\"unsafe\");%>");
        Path plain = write(server.resolve("temp/readme.txt"), "nothing to see here\n");
        Path dll = server.resolve("Windows/Microsoft.NET/Framework64/v4.0.30319/Temporary ASP.NET Files/owa/abc/App_Web_x1.dll");
        Files.createDirectories(dll.getParent());
        Files.write(dll, new byte[] {'M', 'Z', 0, 0, 1, 2, 3});

        ScanResult result = scan(List.of(server), List.of());

        Map<String, FileCoverage> coverage = result.coverage().stream()
                .collect(Collectors.toMap(c -> Path.of(c.path()).getFileName().toString(), c -> c));
        assertThat(coverage.get("errorFE.aspx").kind()).isEqualTo("web-file");
        assertThat(coverage.get("errorFE.aspx").status()).isEqualTo("read");
        assertThat(coverage.get("default.aspx").kind()).isEqualTo("web-file");
        assertThat(coverage.get("notes.txt").kind()).as("a script renamed to .txt is found by its content").isEqualTo("web-file");
        assertThat(coverage.get("App_Web_x1.dll").kind()).as("compiled pages in Temporary ASP.NET Files").isEqualTo("web-file");
        assertThat(coverage.get("readme.txt").kind()).isEqualTo("unknown");
        assertThat(coverage.get("readme.txt").status()).isEqualTo("skipped");

        List<Finding> yara = result.findings().stream().filter(f -> f.engine().equals("yara")).toList();
        assertThat(yara).extracting(f -> Path.of(f.source().path()).getFileName().toString())
                .contains("errorFE.aspx", "notes.txt")
                .doesNotContain("default.aspx", "readme.txt", "App_Web_x1.dll");
        Finding shell = yara.stream().filter(f -> f.source().path().equals(auth.toString())).findFirst().orElseThrow();
        assertThat(shell.level().atLeast(Level.HIGH)).isTrue();
        assertThat(shell.rule().tags()).contains("attack.t1505.003");
        assertThat(shell.matched()).containsKeys("rule", "strings", "sha256");
        assertThat(page).exists();
        assertThat(renamed).exists();
        assertThat(plain).exists();
    }

    @Test
    void a_file_whose_sha256_is_a_published_indicator_is_a_critical_ioc_finding() {
        byte[] data = "<%@ Page Language=\"C#\" %>harmless-looking page".getBytes(StandardCharsets.UTF_8);
        String sha = FileSweep.sha256(data);
        IocSet iocs = IocSet.parse("test-hashes.tsv", "#! name: test-hashes\n#! tags: attack.t1505.003\nsha256\t" + sha + "\ta shell\t\n");
        assertThat(iocs.problems()).isEmpty();
        FileSweep sweep = FileSweep.load(Map.of(), List.of(), iocs);

        FileSweep.Outcome o = sweep.check("C:/inetpub/wwwroot/aspnet_client/x.aspx", data);

        assertThat(o.findings()).hasSize(1);
        Finding f = o.findings().get(0);
        assertThat(f.engine()).isEqualTo("ioc");
        assertThat(f.level()).isEqualTo(Level.CRITICAL);
        assertThat(f.rule().tags()).contains("attack.t1505.003", "exhunt.outcome.post-exploitation");
        assertThat(f.matched().get("sha256")).isEqualTo(sha);
    }

    @Test
    void the_users_yara_rules_also_run_over_text_logs(@TempDir Path dir) throws IOException {
        Path log = write(dir.resolve("logs/u_ex210303.log"), String.join("\r\n",
                "#Software: Microsoft Internet Information Services 10.0",
                "#Version: 1.0",
                "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken",
                "2021-03-03 02:10:11 10.0.0.5 POST /owa/auth/x.js - 443 - 203.0.113.7 ExchangeServicesClient/0.0.0.0 200 0 0 12",
                ""));
        Path rules = write(dir.resolve("myrules/log.yar"),
                "rule Log_Line_Exchange_Services_Client { meta: score = 80 strings: $ua = \"ExchangeServicesClient/0.0.0.0\" condition: $ua }\n");

        ScanResult result = scan(List.of(log), List.of(rules.getParent()));

        assertThat(result.findings()).filteredOn(f -> f.engine().equals("yara"))
                .extracting(f -> f.rule().id(), Finding::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("yara:Log_Line_Exchange_Services_Client", Level.HIGH));
    }

    @Test
    void the_rule_count_before_compiling_equals_the_count_after(@TempDir Path dir) throws IOException {
        Map<String, String> pack = new java.util.LinkedHashMap<>();
        Path root = Path.of(System.getProperty("exhunt.root", "..")).resolve("rules/yara");
        try (var files = Files.list(root)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yar")).sorted().toList()) {
                pack.put(f.toString(), Files.readString(f));
            }
        }
        assertThat(pack).isNotEmpty();
        FileSweep sweep = FileSweep.load(pack, List.of(), IocSet.empty());
        int counted = sweep.rules();
        sweep.check("x.aspx", "<% x %>".getBytes(StandardCharsets.UTF_8));
        assertThat(sweep.rules()).as("after compiling").isEqualTo(counted).isGreaterThan(20);
    }

    @Test
    void externals_describe_the_file_as_it_sat_on_the_server() {
        Map<String, Object> e = FileSweep.externals("case.zip!/inetpub/wwwroot/aspnet_client/Shell.ASPX");
        assertThat(e).containsEntry("filename", "Shell.ASPX").containsEntry("extension", ".aspx")
                .containsEntry("filetype", "ASPX").containsEntry("filepath", "inetpub\\wwwroot\\aspnet_client\\Shell.ASPX");
    }

    private static ScanResult scan(List<Path> inputs, List<Path> rulePaths) {
        return new Scanner().scan(new ScanOptions(inputs, rulePaths, true, null, null, 2, Level.INFORMATIONAL), ScanListener.NONE);
    }

    private static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
