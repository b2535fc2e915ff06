package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.sigma.Pipeline;
import org.exhunt.sigma.RuleLoader;
import org.exhunt.sigma.SigmaEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a busy server that was never attacked, administrators and in-house tools do some of what
 * attackers did: edit the OAB virtual directory in ECP, manage another mailbox's inbox rules,
 * post to OWA from a python script. Such requests from the inside, signed in, must not raise
 * the rules written for the attacks; the same requests from outside, or unauthenticated, must.
 */
class AdministratorLookalikeTest {

    private static final String OAB = "OAB virtual directory changed or reset through the ECP DDI service";
    private static final String INBOX = "Inbox rule created through ECP for a mailbox named in the path";
    private static final String AGENT = "POST to OWA or ECP with a user agent from the 2021 exploitation wave";

    private static SigmaEngine engine;

    @BeforeAll
    static void loadPack() {
        engine = SigmaEngine.compile(new RuleLoader().addPath(RulePack.sigmaFolder()).load(), Pipeline.none());
    }

    @Test
    void anAdministratorEditingTheOabDirectoryFromTheInsideIsNotAnAttack() {
        Map<String, String> request = oabEdit("10.1.2.3", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "CONTOSO\\admin");
        assertThat(titles(request)).doesNotContain(OAB);
    }

    @Test
    void theSameEditUnauthenticatedFromAScriptOrFromOutsideIsFlagged() {
        assertThat(titles(oabEdit("10.1.2.3", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "-"))).contains(OAB);
        assertThat(titles(oabEdit("10.1.2.3", "python-requests/2.25.1", "CONTOSO\\admin"))).contains(OAB);
        assertThat(titles(oabEdit("203.0.113.9", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "CONTOSO\\admin"))).contains(OAB);
    }

    @Test
    void aSignedInDelegateManagingAnotherMailboxsRulesIsNotProxyToken() {
        Map<String, String> delegate = fields("cs-method", "POST",
                "cs-uri-stem", "/ecp/victim@contoso.com/RulesEditor/InboxRules.svc/NewObject", "cs-username", "CONTOSO\\boss");
        Map<String, String> anonymous = fields("cs-method", "POST",
                "cs-uri-stem", "/ecp/victim@contoso.com/RulesEditor/InboxRules.svc/NewObject", "cs-username", "-");
        assertThat(titles(delegate)).doesNotContain(INBOX);
        assertThat(titles(anonymous)).contains(INBOX);
    }

    @Test
    void anInternalPythonScriptPostingToOwaIsNotTheExploitationWave() {
        Map<String, String> internal = fields("cs-method", "POST", "cs-uri-stem", "/owa/auth.owa",
                "cs-user-agent", "python-requests/2.25.1", "c-ip", "192.168.1.5");
        Map<String, String> external = fields("cs-method", "POST", "cs-uri-stem", "/owa/auth.owa",
                "cs-user-agent", "python-requests/2.25.1", "c-ip", "104.248.49.97");
        assertThat(titles(internal)).doesNotContain(AGENT);
        assertThat(titles(external)).contains(AGENT);
    }

    private static Map<String, String> oabEdit(String client, String agent, String user) {
        return fields("cs-method", "POST", "cs-uri-stem", "/ecp/DDI/DDIService.svc/SetObject",
                "cs-uri-query", "schema=OABVirtualDirectory&msExchEcpCanary=abc", "sc-status", "200",
                "c-ip", client, "cs-user-agent", agent, "cs-username", user);
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** The rules that fire on one IIS request; "-" is IIS's empty value, as the reader reads it. */
    private static List<String> titles(Map<String, String> request) {
        List<Object> pairs = new ArrayList<>();
        request.forEach((k, v) -> {
            pairs.add(k);
            pairs.add("-".equals(v) ? null : v);
        });
        List<String> out = new ArrayList<>();
        engine.matcherFor(SourceKind.IIS_W3C.logsource()).match(FieldEvent.of(pairs.toArray()), m -> out.add(m.rule().title()));
        return out;
    }
}
