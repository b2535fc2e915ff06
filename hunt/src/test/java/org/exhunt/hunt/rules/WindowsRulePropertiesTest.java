package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.exhunt.sigma.Logsource;
import org.exhunt.sigma.Pipeline;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.RuleSet;
import org.exhunt.sigma.SigmaEngine;
import org.exhunt.sigma.SigmaEvent;
import org.exhunt.sigma.SigmaRule;

/**
 * What the Windows rules promise for whole families of events rather than one example each:
 * paths in any letter case and install location, any command inside the China Chopper wrapper,
 * any ordinary PST export target.
 */
class WindowsRulePropertiesTest {

    private static final RuleSet RULES = new RuleLoader().addPath(RulePack.sigmaFolder().resolve("windows")).load();
    private static final SigmaEngine ENGINE = SigmaEngine.compile(RULES, Pipeline.none());

    private static final List<String> SCRIPT_EXTENSIONS = List.of(".aspx", ".ashx", ".asmx", ".asp", ".ascx", ".cer");
    private static final List<String> WEB_FOLDERS = List.of("FrontEnd\\HttpProxy\\owa\\auth\\", "FrontEnd\\HttpProxy\\ecp\\auth\\",
            "ClientAccess\\OAB\\", "ClientAccess\\ecp\\");

    @Property(tries = 300)
    void aScriptWrittenByW3wpIntoAnExchangeWebFolderIsFoundWhateverTheInstallPathAndLetterCase(
            @ForAll("exchangeInstallRoots") String root, @ForAll("webFolders") String folder,
            @ForAll("fileNames") String name, @ForAll("scriptExtensions") String extension, @ForAll boolean upper) {
        String path = root + folder + name + extension;
        path = upper ? path.toUpperCase(Locale.ROOT) : path.toLowerCase(Locale.ROOT);

        assertThat(fired("file_event_script_in_web_folder_by_exchange_process.yml", WindowsRuleCases.FILE_EVENT,
                FieldEvent.of("Image", "C:\\Windows\\System32\\inetsrv\\w3wp.exe", "TargetFilename", path)))
                .as(path).isTrue();
    }

    @Property(tries = 300)
    void theChinaChopperWrapperIsFoundWhateverCommandItCarries(@ForAll("operatorCommands") String command) {
        String line = "cmd /c \"cd /d \"C:\\inetpub\\wwwroot\\aspnet_client\\\"&" + command + "&echo [S]&cd&echo [E]\"";

        assertThat(fired("proc_creation_china_chopper_command.yml", WindowsRuleCases.PROCESS_CREATION,
                FieldEvent.of("Image", "C:\\Windows\\System32\\cmd.exe", "CommandLine", line))).as(line).isTrue();
    }

    @Property(tries = 300)
    void aPstExportToAnyOrdinaryShareIsNotAWebShellDrop(@ForAll("shareHosts") String host,
            @ForAll("fileNames") String share, @ForAll("fileNames") String mailbox) {
        String parameters = "-Mailbox \"" + mailbox + "\" -FilePath \"\\\\" + host + "\\" + share + "$\\" + mailbox + ".pst\"";
        SigmaEvent event = FieldEvent.of("Channel", "MSExchange Management", "Provider_Name", "MSExchange CmdletLogs",
                "EventID", "1", "Data", List.of("New-MailboxExportRequest", parameters, "contoso.local/Users/Administrator"));

        assertThat(fired("mgmt_mailbox_export_to_web_folder.yml", WindowsRuleCases.EXCHANGE_MANAGEMENT, event))
                .as(parameters).isFalse();
    }

    private static boolean fired(String ruleFile, Logsource source, SigmaEvent event) {
        String id = RULES.rules().stream()
                .filter(r -> r.source().replace('\\', '/').endsWith("/windows/" + ruleFile))
                .map(SigmaRule::id).findFirst()
                .orElseThrow(() -> new AssertionError("no rule file windows/" + ruleFile));
        List<String> ids = new ArrayList<>();
        ENGINE.matcherFor(source).match(event, m -> ids.add(m.rule().id()));
        return ids.contains(id);
    }

    @Provide
    Arbitrary<String> exchangeInstallRoots() {
        Arbitrary<String> drive = Arbitraries.of("C", "D", "E", "X");
        Arbitrary<String> prefix = Arbitraries.of("Program Files\\Microsoft\\Exchange Server\\V15\\",
                "Program Files\\Microsoft\\Exchange Server\\V14\\", "Exchange\\", "Apps\\MSX 2019\\");
        return Combinators.combine(drive, prefix).as((d, p) -> d + ":\\" + p);
    }

    @Provide
    Arbitrary<String> webFolders() {
        return Arbitraries.of(WEB_FOLDERS);
    }

    @Provide
    Arbitrary<String> scriptExtensions() {
        return Arbitraries.of(SCRIPT_EXTENSIONS);
    }

    @Provide
    Arbitrary<String> fileNames() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> operatorCommands() {
        // Printable text without the wrapper's own markers: what an operator types.
        return Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(60)
                .filter(s -> s.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
                .filter(s -> !s.contains("[S]") && !s.contains("[E]"));
    }

    @Provide
    Arbitrary<String> shareHosts() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-')
                .ofMinLength(2).ofMaxLength(15)
                .filter(s -> !s.equalsIgnoreCase("localhost"));
        Arbitrary<String> addresses = Arbitraries.integers().between(1, 254).list().ofSize(4)
                .map(p -> p.get(0) + "." + p.get(1) + "." + p.get(2) + "." + p.get(3))
                .filter(a -> !a.startsWith("127."));
        return Arbitraries.oneOf(names, addresses);
    }
}
