package org.exhunt.hunt.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.sweep.BuiltinRuleScanner.rulesMatching;
import static org.exhunt.hunt.sweep.BuiltinRuleScanner.rulesMatchingUtf16;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The China Chopper forms are found whatever the parameter name, spacing, letter case and request
 * accessor; ordinary pages that read the request and data-bind with Eval are not.
 */
class ChopperRulePropertiesTest {

    @Property(tries = 150)
    void jscriptOneLinerIsFoundInAnySpellingAndEncoding(@ForAll("parameterNames") String name,
                                                        @ForAll("spaces") String s,
                                                        @ForAll("accessors") String accessor,
                                                        @ForAll("casings") int casing) {
        String page = "<%@ Page Language=\"Jscript\"%><%" + cased("eval", casing) + s + "(" + s
                + cased("Request", casing) + accessor + "[\"" + name + "\"]" + s + "," + s + "\"unsafe\"" + s + ");%>";

        assertThat(rulesMatching(page)).as(page).contains("exhunt_chopper_jscript_eval_request");
        assertThat(rulesMatchingUtf16(page)).as("UTF-16 " + page).contains("exhunt_chopper_jscript_eval_request");
    }

    @Property(tries = 150)
    void classicAspOneLinerIsFoundWithAnySinkAndSpacing(@ForAll("parameterNames") String name,
                                                       @ForAll("spaces") String s,
                                                       @ForAll("classicSinks") String sink,
                                                       @ForAll("casings") int casing,
                                                       @ForAll boolean parenthesised) {
        String request = cased("request", casing) + s + "(\"" + name + "\")";
        String call = parenthesised ? cased(sink, casing) + s + "(" + request + ")" : cased(sink, casing) + " " + request;
        String page = "<%" + s + call + s + "%>";

        assertThat(rulesMatching(page)).as(page).contains("exhunt_chopper_asp_execute_request");
    }

    @Property(tries = 100)
    void requestValueParkedInAVariableIsFoundInSmallPages(@ForAll("parameterNames") String name,
                                                          @ForAll("identifiers") String variable,
                                                          @ForAll("classicSinks") String sink) {
        String page = "<%\r\n" + variable + " = request(\"" + name + "\")\r\n" + sink + " " + variable + "\r\n%>";

        assertThat(rulesMatching(page)).as(page).isNotEmpty();
    }

    @Property(tries = 100)
    void dataBindingPagesThatReadTheRequestMatchNothing(@ForAll("parameterNames") String name,
                                                        @ForAll("identifiers") String field) {
        String page = "<%@ Page Language=\"C#\" AutoEventWireup=\"true\" CodeBehind=\"List.aspx.cs\" Inherits=\"Site.List\" %>\r\n"
                + "<asp:Repeater ID=\"items\" runat=\"server\"><ItemTemplate>\r\n"
                + "<a href='Item.aspx?id=<%# Eval(\"" + field + "\") %>&amp;from=<%= Server.HtmlEncode(Request.QueryString[\"" + name + "\"]) %>'>"
                + "<%# Eval(\"" + field + "\") %></a>\r\n"
                + "<span title='<%# Eval(Container.DataItem) + Request.QueryString[\"" + name + "\"] %>'></span>\r\n"
                + "</ItemTemplate></asp:Repeater>\r\n"
                + "<script type=\"text/javascript\">var data = eval('(' + json + ')');</script>\r\n";

        assertThat(rulesMatching(page)).as(page).isEmpty();
    }

    @Test
    void vbNetAndCSharpFormsReachTheJScriptEvaluator() {
        String vb = "<%@ Page Language=\"VB\" %><% Response.Write(Microsoft.JScript.Eval.JScriptEvaluate(Request.Item(\"z\"), "
                + "Microsoft.JScript.Vsa.VsaEngine.CreateEngine())) %>";

        assertThat(rulesMatching(vb)).contains("exhunt_chopper_jscript_evaluate_api");
    }

    @Provide
    Arbitrary<String> parameterNames() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> identifiers() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                .filter(v -> !v.equals("request") && !v.equals("eval") && !v.equals("execute"));
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.of("", " ", "  ", "\t");
    }

    @Provide
    Arbitrary<String> accessors() {
        return Arbitraries.of("", ".Item", ".Form", ".QueryString", ".Headers", ".Params", ". Item");
    }

    @Provide
    Arbitrary<String> classicSinks() {
        return Arbitraries.of("execute", "eval", "executeglobal");
    }

    @Provide
    Arbitrary<Integer> casings() {
        return Arbitraries.integers().between(0, 2);
    }

    /** 0: as written, 1: upper case, 2: alternating case (eXeCuTe). */
    private static String cased(String word, int casing) {
        if (casing == 1) return word.toUpperCase();
        if (casing == 0) return word;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            b.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString();
    }
}
