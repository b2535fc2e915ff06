/*
 * Shells that Exchange itself was tricked into writing. ProxyLogon (CVE-2021-27065) set a script
 * into an OAB virtual directory URL and had Exchange export the directory's settings to a .aspx
 * file; ProxyShell (CVE-2021-31207) exported a mailbox as a PST, or a certificate request, to a web
 * folder. The files keep the shape of what Exchange wrote - a settings listing, a PST header, a
 * DER or PEM header - with a server-side script inside, which nothing legitimate contains.
 */

rule exhunt_exchange_oab_settings_with_script
{
    meta:
        title = "OAB virtual directory settings with a server script in a URL (ProxyLogon web shell)"
        description = "A file holds an exported OAB virtual directory whose ExternalUrl or InternalUrl carries a <script runat=server> block: the web shell CVE-2021-27065 writes by resetting the directory to a path under owa\\auth, ecp or aspnet_client."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.initial-access attack.t1190 cve.2021-26855 cve.2021-27065 exhunt.outcome.post-exploitation"
        id = "519fa775-da0b-4859-b846-3619b5befc7a"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $url_script = /(External|Internal)Url\s*:?\s*[^\r\n]{0,300}<script[^>\r\n]{0,200}runat\s*=\s*["']?server/ nocase ascii wide
        $url_code = /(External|Internal)Url\s*:?\s*[^\r\n]{0,300}<%/ nocase ascii wide
        $field_1 = "OfflineAddressBooks" ascii wide
        $field_2 = "PollInterval" ascii wide
        $field_3 = "MetabasePath" ascii wide
        $field_4 = "ExtendedProtectionTokenChecking" ascii wide
        $field_5 = "RequireSSL" ascii wide
        $field_6 = "OAuthAuthentication" ascii wide
        $script = /<script[^>]{0,200}runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $url_script or $url_code or (2 of ($field_*) and $script)
}

rule exhunt_exchange_pst_with_script
{
    meta:
        title = "PST file carrying a server script (ProxyShell mailbox export web shell)"
        description = "A file begins with the PST magic !BDN and contains a <script runat=server> block or <% code: a mailbox exported to a web folder with New-MailboxExportRequest after ProxyShell (CVE-2021-31207), whose mail item was encoded so that the export writes plain script."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.initial-access attack.t1190 cve.2021-34473 cve.2021-34523 cve.2021-31207 exhunt.outcome.post-exploitation"
        id = "444244d7-4b9d-45a8-a009-522372fadb29"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $script = /<script[^>]{0,200}runat\s*=\s*["']?server/ nocase ascii wide
        $code = /<%[^>]{0,40}(eval|execute|Request|Response|@\s*Page)/ nocase ascii wide
    condition:
        uint32(0) == 0x4E444221 and ($script or $code)
}

rule exhunt_exchange_certificate_request_with_script
{
    meta:
        title = "Certificate request or certificate file carrying a server script"
        description = "A file begins like a DER certificate or request (0x30 0x82) or a PEM block and contains a <script runat=server> block or <% code: an Exchange certificate request exported to a web folder with a shell in its subject, as done after ProxyShell and ProxyNotShell."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.initial-access attack.t1190 cve.2021-31207 cve.2022-41082 exhunt.outcome.post-exploitation"
        id = "7d0495b8-064d-4431-b1c4-3ae99dd74bcb"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $pem = "-----BEGIN" ascii wide
        $script = /<script[^>]{0,200}runat\s*=\s*["']?server/ nocase ascii wide
        $code = /<%[^>]{0,40}(eval|execute|Request|Response|@\s*Page)/ nocase ascii wide
    condition:
        (uint16(0) == 0x8230 or uint16(0) == 0x8130 or $pem at 0 or $pem at 3)
        and ($script or $code)
}

rule exhunt_exchange_web_config_runs_script
{
    meta:
        title = "web.config that maps .config files to a script engine and carries script"
        description = "A configuration file adds a handler that makes IIS run *.config (or web.config itself) through asp.dll or the ASP.NET page handler, and holds <% code: a web shell that lives in the one file every Exchange and IIS folder has."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1036 exhunt.outcome.post-exploitation"
        id = "f0109d09-7a85-482f-9154-b822b76f314a"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $config_handler = /<add\s[^>]{0,300}path\s*=\s*["'](\*\.config|web\.config)["'][^>]{0,400}(asp\.dll|PageHandlerFactory|IsapiModule)/ nocase ascii wide
        $config_handler_late_path = /<add\s[^>]{0,300}(asp\.dll|PageHandlerFactory|IsapiModule)[^>]{0,400}path\s*=\s*["'](\*\.config|web\.config)["']/ nocase ascii wide
        $code = /<%[^>]{0,20}(eval|execute|Response|Request|Server|CreateObject)/ nocase ascii wide
    condition:
        ($config_handler or $config_handler_late_path) and $code
}
