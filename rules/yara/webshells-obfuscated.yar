/*
 * Shells that hide their code: base64 payloads decoded and evaluated, strings rebuilt from
 * character codes or from many tiny pieces, reversed or XOR-ed text fed to Execute, code parked
 * in the session, and shells smuggled inside image or database files. Ordinary pages have no
 * reason to decode text and then run it, which is what every rule here requires.
 */

rule exhunt_obfuscated_base64_evaluated
{
    meta:
        title = "Page decodes base64 and evaluates or loads the result"
        description = "A server page decodes a base64 string with FromBase64String and passes code to eval, JScriptEvaluate or Assembly.Load, or its base64 text hides a request read: an encoded loader written to slip past signatures of the plain one-liners."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 attack.t1140 exhunt.outcome.post-exploitation"
        id = "b198c251-3076-4e60-9b7e-4dd4413d594c"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $decode = "FromBase64String" ascii wide
        $sink_1 = /[^.\w]eval\s*\([^)]{0,200},\s*[a-z_"']/ nocase ascii wide
        $sink_2 = "JScriptEvaluate" ascii wide
        $sink_3 = /Assembly\s*\.\s*Load\s*\(\s*(System\.)?Convert\s*\.\s*FromBase64String/ ascii wide
        $hidden_1 = "Request.Item" base64
        $hidden_2 = "Request.Form" base64
        $hidden_3 = "Request[" base64
        $hidden_4 = "Request(" base64
        $hidden_5 = "cmd.exe" base64
        $hidden_6 = "eval(" base64
        $unsafe = /["']unsafe["']/ nocase ascii wide
        $web = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $decode and $web and (any of ($hidden_*) or ($sink_3) or (filesize < 50KB and ($sink_1 or $sink_2 or $unsafe)))
}

rule exhunt_obfuscated_asp_execute_decoded_text
{
    meta:
        title = "Classic ASP executes text produced by a decoding function"
        description = "An ASP page passes the result of a decoding function (reversing, unescaping, hex or XOR decoding a literal, a variable or the request) to Execute or ExecuteGlobal, a shell whose real code appears only at run time."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 attack.t1140 exhunt.outcome.post-exploitation"
        id = "f8e176aa-f2af-455d-b834-5c37ba903b49"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        // \b after the keyword: executeBound(f, ...) in JavaScript or "executed (i)" in prose is
        // not Execute of a function's result
        $decoded_literal = /[^.\w](execute|executeglobal)\b\s*\(?\s*[a-z_]\w{0,30}\s*\(\s*["'][^"'\r\n]{20,}["']/ nocase ascii wide
        $decoded_request = /[^.\w](execute|executeglobal|eval)\b\s*\(?\s*[a-z_]\w{0,30}\s*\(\s*request\s*[\.(]/ nocase ascii wide
        $decoded_call = /[^.\w](execute|executeglobal)\b\s*\(?\s*[a-z_]\w{0,30}\s*\(\s*[a-z_]\w{0,30}\s*[,)]/ nocase ascii wide
        $char_codes = /[^.\w](execute|executeglobal|eval)\b\s*\(?\s*((execute|eval)\s*\(\s*)?chrw?\s*\(\s*\d+\s*\)\s*[&+]/ nocase ascii wide
        // only inside server script: prose such as "Execute Disable (XD)" has the same shape
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        $server and any of ($decoded_*, $char_codes)
}

rule exhunt_obfuscated_asp_execute_session
{
    meta:
        title = "Classic ASP executes code kept in the session"
        description = "An ASP page runs code stored in a session variable with Execute or ExecuteGlobal; shells store decoded or posted code there so that later requests can run it without sending it again."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.005 exhunt.outcome.post-exploitation"
        id = "d404ebdc-fac3-4ab8-8dd3-ab0b94d2c20b"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $session_exec = /[^.\w](execute|executeglobal)\s*\(?\s*session\s*\(/ nocase ascii wide
    condition:
        $session_exec
}

rule exhunt_obfuscated_xor_or_char_decoder_feeding_execute
{
    meta:
        title = "Character-by-character decoder whose output is executed"
        description = "A page rebuilds text character by character (Chr of Asc with Xor or arithmetic, or String.fromCharCode) and executes or evaluates it: an XOR or shift cipher wrapped around a shell."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 attack.t1140 exhunt.outcome.post-exploitation"
        id = "622ef062-6e86-40bf-90ea-505716d1158d"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $vb_decode = /chrw?\s*\(\s*(\(\s*)?(asc[w]?\s*\(|["']&H|[a-z_]\w{0,20}\s*(xor|[-+])\s*)/ nocase ascii wide
        $vb_xor = /\bxor\b/ nocase ascii wide
        $vb_sink = /[^.\w](execute|executeglobal)\s*[\s(]/ nocase ascii wide
        $js_decode = "String.fromCharCode" nocase ascii wide
        $js_sink = /[^.\w]eval\s*\(/ ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        filesize < 100KB and $server
        and (($vb_decode and $vb_sink and ($vb_xor or #vb_decode > 1)) or ($js_decode and $js_sink and $server))
}

rule exhunt_obfuscated_tiny_string_pieces_evaluated
{
    meta:
        title = "Code assembled from many one- or two-character strings and evaluated"
        description = "A page glues a dozen or more one- or two-character string literals together and hands the result to eval or Execute, the concatenation trick used to spell 'eval(request(...))' without the words appearing."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 exhunt.outcome.post-exploitation"
        id = "a243a960-875e-4f55-b539-06527525d090"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $vb_pieces = /"&"[^"\r\n]{1,2}"&"[^"\r\n]{1,2}"&"[^"\r\n]{1,2}"&"[^"\r\n]{1,2}"&"[^"\r\n]{1,2}"&"[^"\r\n]{1,2}"&"/ ascii wide
        $js_pieces = /"\+"[^"\r\n]{1,2}"\+"[^"\r\n]{1,2}"\+"[^"\r\n]{1,2}"\+"[^"\r\n]{1,2}"\+"[^"\r\n]{1,2}"\+"[^"\r\n]{1,2}"\+"/ ascii wide
        $commented_piece = /"\s*\+?\s*\/\*([^*\r\n]|\*[^\/\r\n]){0,20}\*\/\s*\+?\s*"/ ascii wide
        $sink = /[^.\w](eval|execute|executeglobal)\s*[\s("]/ nocase ascii wide
    condition:
        ($vb_pieces or $js_pieces or #commented_piece > 3) and $sink and filesize < 100KB
}

rule exhunt_obfuscated_binary_container_with_script
{
    meta:
        title = "Image, archive or database file carrying a server script"
        description = "A file starts with the magic number of a GIF, JPEG, PNG, Access database or ZIP but holds a server-side script that reads the request: a shell smuggled inside a file an upload check would accept, then served as a page."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1036.008 exhunt.outcome.post-exploitation"
        id = "a90888cd-a7b9-4786-b1bc-98551a051e25"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $jet = "Standard Jet DB" ascii
        $ace = "Standard ACE DB" ascii
        $code = /<%[^%]{0,80}(eval|execute)[^%]{0,20}request/ nocase ascii wide
        $script = /<script[^>]{0,200}runat\s*=\s*["']?server[^>]{0,100}>[^<]{0,400}(eval|execute|Process|Assembly)/ nocase ascii wide
    condition:
        (uint32(0) == 0x38464947         // GIF8
         or uint16(0) == 0xD8FF          // JPEG
         or uint32(0) == 0x474E5089      // PNG
         or uint32(0) == 0x04034B50      // ZIP
         or $jet at 4 or $ace at 4)
        and ($code or $script)
}

rule exhunt_obfuscated_asp_execute_variable
{
    meta:
        title = "Classic ASP page runs a variable's text as code with Execute or Eval"
        description = "A server-side VBScript block passes a variable to the Execute or ExecuteGlobal statement (or to Eval in statement form); shells assemble or decode their real code into such a variable first, while ordinary ASP applications do not run text as code."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.005 exhunt.outcome.post-exploitation"
        id = "959b660c-94ff-4662-96c7-9d643094e373"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $execute_variable = /[^.\w](execute|executeglobal)[ \t]*\(?[ \t]*[a-z_]\w{0,30}[ \t]*\)?[ \t]*(%>|\r|\n|:|')/ nocase ascii wide
        // VBScript call syntax without parentheses, which JavaScript in the same page cannot have
        $eval_statement = /[^.\w]eval[ \t]+[a-z_]\w{0,30}[ \t]*(%>|\r|\n|:|')/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        ($execute_variable or $eval_statement) and $server
}

rule exhunt_obfuscated_jscript_eval_split_by_comments
{
    meta:
        title = "JScript page chops its code with inline comments and calls eval"
        description = "A server page in JScript wedges many tiny /*...*/ comments between the pieces of its statements (var/**/x/**/=...) and calls eval: the comments break up 'eval(Request' for signature scanners while the engine ignores them. Real code puts comments between statements, not inside them."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1027 attack.execution exhunt.outcome.post-exploitation"
        id = "498fc34b-fe69-4c46-8ba1-dc6e87674249"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $jscript = /Language\s*=\s*["']?J(ava)?Script/ nocase ascii wide
        // a comment of at most eight characters glued to code on both sides (no '/' inside, so
        // that each comment is one match and they are counted one by one)
        $inline_comment = /[\w"'=+,;()\[\]-]\/\*[^\r\n\/]{0,8}\*\/[\w"'=+,;()\[\]-]/ ascii wide
        // the call may itself be split: eval/**/(
        $eval = /\beval\b/ nocase ascii wide
    condition:
        filesize < 20KB and $jscript and $eval and #inline_comment >= 6
}

rule exhunt_obfuscated_asp_reversed_text_decoder
{
    meta:
        title = "VBScript function rebuilds text backwards and turns a marker into line breaks"
        description = "A server script walks a string character by character, puts each character in front of what it has so far (reversing it) and replaces a marker character by vbCrLf: the decoder of shells stored as one reversed line, whose output is then executed. Reversing for display uses StrReverse and needs no line breaks."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.defense-evasion attack.t1140 exhunt.outcome.post-exploitation"
        id = "3b3a815f-32b5-4403-b18e-0c7df657e85d"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        // x = Mid(s, i, 1) & x   (the next character goes in front)
        $prepend = /=\s*Mid\s*\(\s*\w{1,40}\s*,\s*\w{1,10}\s*,\s*1\s*\)\s*&?\s*\w{1,40}\s*[\r\n]/ nocase ascii wide
        // x = vbCrLf & x   (a marker stands for a line break)
        $newline_in_front = /=\s*vbcrlf\s*&\s*\w{1,40}\s*[\r\n]/ nocase ascii wide
        $walk = /for\s+\w{1,10}\s*=\s*1\s+to\s+len\s*\(/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        filesize < 50KB and $server and $walk and $prepend and $newline_in_front
}
