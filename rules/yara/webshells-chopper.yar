/*
 * China Chopper and its one-line relatives: a page whose only job is to hand a request value to
 * the script engine. The server side is tiny; the client (the "caidao" controller or a copy of it)
 * sends the code to run. Every rule here needs the request source and the evaluating sink in one
 * expression, so ordinary pages that merely read the request or evaluate their own data binding
 * expressions do not match.
 */

rule exhunt_chopper_jscript_eval_request
{
    meta:
        title = "China Chopper JScript.NET one-liner (eval of a request value, unsafe)"
        description = "An ASP.NET JScript page evaluates a request value with the 'unsafe' flag: the server side of China Chopper, which runs any JScript.NET code its client posts."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.007 exhunt.outcome.post-exploitation"
        id = "4546b743-7ba9-4a26-afa8-6863ddb6c2a2"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        // eval(Request.Item["p"], "unsafe") and the Request["p"] / Request.Form("p") / Headers spellings
        $direct = /eval\s*\(\s*Request\s*(\.\s*(Item|Form|QueryString|Params|Headers|Cookies)\s*)?[\[(][^\]\)\r\n]{1,80}[\])]\s*(\.\s*Value\s*)?,\s*[^,;\r\n]{0,6}unsafe/ nocase ascii wide
        // the flag built from pieces, or passed through a variable: eval(x, "un" + "safe")
        $unsafe_split_1 = /["'](un|uns|unsa|unsaf)["']\s*\+/ nocase ascii wide
        $unsafe_split_2 = /"u" ?\+ ?"n/ nocase ascii wide
        $unsafe_split_3 = /["'](nsafe|afe)["']/ nocase ascii wide
        $unsafe = /,\s*\\?["']unsafe\\?["']\s*\)/ nocase ascii wide
        $eval = /\beval\s*\(/ nocase ascii wide
        $request = /Request\s*(\.\s*(Item|Form|QueryString|Params|Headers|Cookies)\b|\s*[\[(])/ nocase ascii wide
        $jscript = /Language\s*=\s*["']?\s*J(ava)?Script/ nocase ascii wide
    condition:
        $direct
        or ($eval and $request and ($unsafe or any of ($unsafe_split_*)) and filesize < 200KB)
        or ($jscript and $eval and $request and ($unsafe or any of ($unsafe_split_*)) and filesize < 20KB)
}

rule exhunt_chopper_jscript_evaluate_api
{
    meta:
        title = "Request value passed to the JScript.NET evaluator from C# or VB.NET"
        description = "A page calls Microsoft.JScript's Eval.JScriptEvaluate with a request value: the C# and VB.NET forms of China Chopper, which run posted JScript code with a fresh VsaEngine."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.007 exhunt.outcome.post-exploitation"
        id = "cb868460-e5df-4646-b153-9a53ba5490c7"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $evaluate = "JScriptEvaluate" nocase ascii wide
        $engine = "VsaEngine" nocase ascii wide
        $request = /Request\s*(\.\s*(Item|Form|QueryString|Params|Headers|Cookies)\s*)?[\[(]/ nocase ascii wide
    condition:
        $evaluate and ($request or $engine)
}

rule exhunt_chopper_asp_execute_request
{
    meta:
        title = "Script one-liner: Execute or Eval of a request value"
        description = "A page hands a request parameter straight to Execute, ExecuteGlobal or Eval (VBScript in classic ASP, or JScript): the ASP form of China Chopper and the many one-line shells built like it."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.005 exhunt.outcome.post-exploitation"
        id = "9d88c848-dbd3-419f-b2f0-31b7f998c24c"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        // execute request("p"), Eval(Request.Form("p")), ExecuteGlobal Request.Item("p"), eval_r(Request(...))
        $direct = /[^.\w](execute|executeglobal|eval|eval_r)\s*(\(\s*)?(["']{2}\s*&\s*)?request\s*(\.\s*(item|form|querystring|cookies|servervariables)\s*)?[\[(]/ nocase ascii wide
        // ...with the parameter name computed: Request(Chr(112)), Request(120-2-5)
        $through_wrapper = /[^.\w](execute|executeglobal|eval)\s*(\(\s*)?(strreverse|unescape|trim|lcase|ucase|cstr)\s*\(\s*request\s*[\.(]/ nocase ascii wide
        // the value parked in the session first: Session("x")=Request("x") ... Execute Session("x")
        $session_sink = /[^.\w](execute|executeglobal|eval)\s*(\(\s*)?session\s*\(/ nocase ascii wide
        $session_source = /session\s*\(\s*["'][^"']{1,40}["']\s*\)\s*=\s*request\s*[\.(]/ nocase ascii wide
        // the request read nested deeper in the same statement: Execute(Decode(Replace(Request("x"), ...)))
        $execute_line = /[^.\w](execute|executeglobal)\b[^\r\n"']{0,100}request\s*(\.\s*(item|form|querystring|cookies)\s*)?[\[(]/ nocase ascii wide
        $eval_line = /[^.\w]eval\s*\(?\s*[^"'\r\n)]{0,60}[(+&]\s*request\s*(\.\s*(item|form|querystring|cookies)\s*)?[\[(]/ nocase ascii wide
    condition:
        $direct or $through_wrapper or ($session_sink and $session_source) or $execute_line or $eval_line
}

rule exhunt_chopper_asp_request_through_variable
{
    meta:
        title = "Small classic ASP page that evaluates a variable holding a request value"
        description = "A short ASP page copies a request parameter into a variable and passes that variable to Execute or Eval, a common way to dodge signatures of the one-line shell."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.005 exhunt.outcome.post-exploitation"
        id = "5b80df9e-5f30-4521-962a-6fc65a352c1f"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $assign = /\b[a-z_][a-z0-9_]{0,30}\s*=\s*request\s*(\.\s*(item|form|querystring|cookies|params)\s*)?[\[(]/ nocase ascii wide
        $sink = /[\s:%>(](execute|executeglobal|eval)\s*(\(\s*)?[a-z_][a-z0-9_]{0,30}\s*(\)|%>|[\r\n:])/ nocase ascii wide
    condition:
        filesize < 4KB and $assign and $sink
}

rule exhunt_chopper_dotnet_upload_one_liner
{
    meta:
        title = "ASP.NET one-liner that saves an uploaded file under a name from the request"
        description = "A page saves the first uploaded file to a path named by a request parameter, the upload one-liner attackers use to place a larger shell."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.command-and-control attack.t1105 exhunt.outcome.post-exploitation"
        id = "c74ae86e-d1c2-4506-80f3-ee14384ee8e0"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $save = /Request\s*\.\s*Files\s*[\[(][^\])\r\n]{1,20}[\])]\s*\.\s*SaveAs\s*\([^;\r\n]{0,80}Request\s*[\[.(]/ nocase ascii wide
    condition:
        $save
}

rule exhunt_chopper_jscript_eval_as_value
{
    meta:
        title = "Small JScript page keeps eval as a value and calls it on request data"
        description = "A short server-side JScript page stores the eval function in a variable or object member next to a request value and calls it later, a rewrite of the one-liner that avoids the text 'eval(Request'."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.007 exhunt.outcome.post-exploitation"
        id = "6a12bd4d-5829-4303-9b9c-403cbcba872f"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $eval_value = /[:=,(]\s*eval\s*[,;})]/ ascii wide
        $request = /Request\s*(\.\s*(Item|Form|QueryString|Params|Headers|Cookies)\b|\s*[\[(])/ nocase ascii wide
        $server = /<%|runat\s*=\s*["']?server/ nocase ascii wide
    condition:
        filesize < 10KB and $eval_value and $request and $server
}

rule exhunt_chopper_asp_script_control
{
    meta:
        title = "Classic ASP page runs request data through the MSScriptControl engine"
        description = "An ASP page creates the ScriptControl COM object and feeds it request data with AddCode, ExecuteStatement or Eval, an indirect way to run posted VBScript or JScript that avoids the Execute keyword."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.005 exhunt.outcome.post-exploitation"
        id = "ab46b1f7-2685-4b90-a316-b16691fc224b"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $control = "ScriptControl" nocase ascii wide
        $feed = /\.(AddCode|ExecuteStatement|Eval|Run)\s*\(?\s*(["']{2}\s*&\s*)?request\s*[\.(]/ nocase ascii wide
    condition:
        $control and $feed
}

rule exhunt_chopper_server_jscript_eval_of_value
{
    meta:
        title = "Server-side JScript evaluates a computed value"
        description = "A page whose server code is JScript (classic ASP or JScript.NET) calls eval on a variable or expression rather than a literal; server pages only do that to run code supplied or decoded at run time."
        level = "high"
        tags = "attack.persistence attack.t1505.003 attack.execution attack.t1059.007 exhunt.outcome.post-exploitation"
        id = "be36f599-687c-45de-bbb6-d0d16c6f6854"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $directive = /<%@[^%]{0,40}Lang(uage)?\s*=\s*["']?\s*J(ava)?Script/ nocase ascii wide
        $script_runat_first = /<script[^>]{0,100}runat\s*=\s*["']?server[^>]{0,100}language\s*=\s*["']?\s*J(ava)?Script/ nocase ascii wide
        $script_language_first = /<script[^>]{0,100}language\s*=\s*["']?\s*J(ava)?Script[^>]{0,100}runat\s*=\s*["']?server/ nocase ascii wide
        $eval_value = /[^.\w]eval\s*\(\s*[A-Za-z_(]/ ascii wide
    condition:
        any of ($directive, $script_runat_first, $script_language_first) and $eval_value
}

rule exhunt_chopper_php_evaluates_request
{
    meta:
        title = "PHP one-liner evaluates request data (in whatever file it hides)"
        description = "PHP code hands a request superglobal to eval, assert, a process function, create_function or preg_replace with the /e modifier: the PHP form of the one-line shell, often hidden in a fake error page. Exchange runs no PHP, but such a file in its web folders marks a server that was seeded with shells; PHP hosts beside it would run it."
        level = "critical"
        tags = "attack.persistence attack.t1505.003 attack.execution exhunt.outcome.post-exploitation"
        id = "c841eb82-ae4c-45e7-a833-588b3cfc4dac"
        author = "exhunt"
        date = "2026-11-29"
    strings:
        $php = /<\?(php\b|=|\s)/ nocase ascii wide
        $eval_request = /\b(eval|assert|system|passthru|shell_exec|exec|popen|create_function)\s*\(\s*(base64_decode\s*\(\s*|stripslashes\s*\(\s*|str_rot13\s*\(\s*){0,2}\$_(POST|GET|REQUEST|COOKIE|SERVER)\s*\[/ nocase ascii wide
        // the /e modifier evaluates the replacement as PHP; the replacement is the request value
        $preg_e = /preg_replace\s*\(\s*["'][^"'\r\n]{1,100}\/[a-df-z]{0,5}e[a-z]{0,5}["']\s*,\s*\$_(POST|GET|REQUEST|COOKIE)\s*\[/ nocase ascii wide
    condition:
        $php and ($eval_request or $preg_e)
}
