/*
 * Reconnaissance panels and stagers: pages that do not take commands but map the server for the
 * attacker (registry, drives, writable folders, network traffic) or bring the next stage onto it
 * (an executable spelled out in character codes, a helper script written to disk and started
 * hidden). None of this has a place in a web application's pages; each rule still pairs the
 * capability with the way a shell uses it, so a diagnostics page reading one key stays quiet.
 */

rule exhunt_recon_registry_hive_browser
{
    meta:
        title = "Server page browses every registry hive"
        description = "A server-side page opens most of the registry's root hives and lists their subkeys and values: the registry browser of web shell kits, used to read service settings, stored credentials and install paths. Applications read one known key, not the hives."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1012 exhunt.outcome.post-exploitation"
        id = "8ef565a8-f895-42bd-a02a-19f057e233d9"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $hive_lm = /Registry(Hive)?\s*\.\s*LocalMachine/ nocase ascii wide
        $hive_cr = /Registry(Hive)?\s*\.\s*ClassesRoot/ nocase ascii wide
        $hive_cu = /Registry(Hive)?\s*\.\s*CurrentUser/ nocase ascii wide
        $hive_us = /Registry(Hive)?\s*\.\s*Users\b/ nocase ascii wide
        $hive_cc = /Registry(Hive)?\s*\.\s*CurrentConfig/ nocase ascii wide
        $walk = /\.\s*(GetSubKeyNames|GetValueNames)\s*\(/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and $walk and 4 of ($hive_*)
}

rule exhunt_recon_raw_socket_sniffer
{
    meta:
        title = "Server page captures network traffic with a raw socket"
        description = "A page opens a raw IP socket and switches it to receive-all mode (SIO_RCVALL): a packet sniffer running as the web server, used to harvest passwords of FTP, HTTP and SMTP sessions passing the host."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.credential-access attack.t1040 exhunt.outcome.post-exploitation"
        id = "8f406449-5ad5-48c2-b8b9-393a23cb65d5"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $raw = /SocketType\s*\.\s*Raw\b/ nocase ascii wide
        $receive_all = /IOControlCode\s*\.\s*ReceiveAll|SIO_RCVALL|0x98000001/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and $raw and $receive_all
}

rule exhunt_recon_writable_folder_probe
{
    meta:
        title = "Server page probes folders for write access with a test file"
        description = "A page walks folders (subfolders of a path it is given, every drive, or the paths named in the registry), creates a test file in each and deletes it again, reporting where it could write: how an attacker looks for a folder to drop the next shell or tool into."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1083 exhunt.outcome.post-exploitation"
        id = "7beccf96-39e4-4bec-9f4b-2e912c865d57"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        // classic ASP: FileSystemObject calls on "<folder> & \<name>"
        $asp_create_probe = /\.CreateTextFile\s*\(\s*\w{1,40}\s*&\s*"\\[^"\r\n]{1,40}"/ nocase ascii wide
        $asp_delete_probe = /\.DeleteFile\s*\(?\s*\w{1,40}\s*&\s*"\\[^"\r\n]{1,40}"/ nocase ascii wide
        $asp_walk = /\.SubFolders\b/ nocase ascii wide
        $asp_request = /request\s*(\.\s*(form|querystring|item)\s*)?\(/ nocase ascii wide
        // ASP.NET: File calls on "<folder> + \\<name>", over drives or registry paths
        $net_create_probe = /File\s*\.\s*(Create|CreateText|WriteAllText)\s*\(\s*\w{1,40}\s*\+\s*@?"\\{1,2}[^"\r\n]{1,40}"/ nocase ascii wide
        $net_delete_probe = /File\s*\.\s*Delete\s*\(\s*\w{1,40}\s*\+\s*@?"\\{1,2}[^"\r\n]{1,40}"/ nocase ascii wide
        $net_walk = /GetSubKeyNames|GetLogicalDrives|DriveInfo\s*\.\s*GetDrives/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and (($asp_create_probe and $asp_delete_probe and $asp_walk and $asp_request)
                     or ($net_create_probe and $net_delete_probe and $net_walk))
}

rule exhunt_recon_drive_browser
{
    meta:
        title = "ASP.NET page browses all drives and hands out files it is asked for"
        description = "A page lists the machine's logical drives, lists the folder named in the request and streams back the file named in the request: a file browser over the whole server, where an application's download page serves files from its own folder."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1083 attack.collection attack.t1005 exhunt.outcome.post-exploitation"
        id = "4f81e9c7-7bdc-418c-b777-841ceafafec6"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $drives = /Environment\s*\.\s*GetLogicalDrives|Directory\s*\.\s*GetLogicalDrives|DriveInfo\s*\.\s*GetDrives/ nocase ascii wide
        $from_request = /=\s*Request\s*(\.\s*(Params|QueryString|Form))?\s*\[\s*"[^"\r\n]{1,30}"\s*\]\s*;/ nocase ascii wide
        $listing = /\.\s*(GetDirectories|GetFiles|GetFileSystemInfos)\s*\(/ nocase ascii wide
        $serve = /Response\s*\.\s*(WriteFile|TransmitFile|BinaryWrite)\s*\(/ nocase ascii wide
        $web = /<%@\s*(Page|WebHandler|WebService|Control)\b|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $web and $drives and $listing and $serve and #from_request >= 2
}

rule exhunt_stager_executable_from_char_codes
{
    meta:
        title = "Script spells out a Windows executable in character codes and writes it"
        description = "A server script builds a string starting with the MZ header from character codes (Chr(77) & Chr(90)...), String.fromCharCode or a hex dump, and writes it to a file: a dropper carrying the next-stage program inside the page so that no download is seen."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "f79e611c-183e-487a-8b2d-107bd45b295b"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $mz_chr = /chrw?\s*\(\s*77\s*\)\s*[&+]\s*chrw?\s*\(\s*90\s*\)\s*[&+]\s*chrw?\s*\(\s*144\s*\)/ nocase ascii wide
        $mz_char_code = /fromCharCode\s*\(\s*77\s*,\s*90\s*,\s*144\b/ nocase ascii wide
        $mz_hex = /["']4d5a9000030000000400/ nocase ascii wide
        $write = /\.(Write|WriteLine|WriteText|SaveToFile|CreateTextFile)\b|File\s*\.\s*WriteAll(Bytes|Text)/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and any of ($mz_*) and $write
}

rule exhunt_stager_writes_script_and_runs_it_hidden
{
    meta:
        title = "Classic ASP page writes a script or program to disk and starts it hidden"
        description = "A page creates a .vbs, .js, .bat, .cmd, .ps1, .hta or .exe file through the FileSystemObject and runs a file through WScript.Shell with window style 0 (no window): a stager that leaves a downloader or implant behind and starts it out of sight."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.005 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "b5d35c32-0d12-460e-a831-06b2caffcda0"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $wsh = "WScript.Shell" nocase ascii wide
        $hidden_run = /\.run\s*\(?\s*[^,\r\n]{1,200},\s*0\s*[,)\r\n]/ nocase ascii wide
        $drop_script = /\.CreateTextFile\s*\(\s*"[^"\r\n]{1,200}\.(vbs|vbe|js|jse|wsf|bat|cmd|ps1|hta|exe)"/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and $wsh and $hidden_run and $drop_script
}

rule exhunt_recon_asp_prints_run_as_account
{
    meta:
        title = "Classic ASP page prints the machine and account it runs as"
        description = "A page writes the computer name and user name of WScript.Network as DOMAIN\\user, the 'whoami' line at the top of classic command consoles: the attacker's first look at the account the shell runs under. Applications show the signed-in visitor, not the process account."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.discovery attack.t1033 exhunt.outcome.post-exploitation"
        id = "16d0c5ed-4225-4c56-bf3e-9433f0bfa80d"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $whoami = /\.ComputerName\s*&\s*"\\{1,2}"\s*&\s*\w{1,40}\s*\.\s*UserName/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and $whoami
}
