package org.exhunt.hunt.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.hunt.intel.FeedAssertions.one;
import static org.exhunt.hunt.intel.FeedAssertions.problems;
import static org.exhunt.hunt.intel.FeedAssertions.values;

import org.exhunt.hunt.ioc.IocType;
import org.junit.jupiter.api.Test;

class SignatureBaseListsTest {

    @Test
    void a_regex_that_spells_one_web_path_is_that_path() {
        assertThat(LiteralPathRegex.path("\\\\inetpub\\\\wwwroot\\\\aspnet_client\\\\shell\\.aspx")).isEqualTo("\\inetpub\\wwwroot\\aspnet_client\\shell.aspx");
        assertThat(LiteralPathRegex.path("(?i)\\\\Tools\\\\cmd\\.jsp$")).isEqualTo("/Tools/cmd.jsp");
    }

    @Test
    void a_regex_with_classes_repeats_groups_or_a_bare_dot_is_no_single_path() {
        assertThat(LiteralPathRegex.path("\\\\aspnet_client\\\\[^\\\\]{1,20}\\.aspx")).isNull();
        assertThat(LiteralPathRegex.path("\\\\(shell|cmd)\\.aspx")).isNull();
        assertThat(LiteralPathRegex.path("\\\\shell.aspx")).isNull();
        assertThat(LiteralPathRegex.path("\\\\x\\d\\.aspx")).isNull();
    }

    @Test
    void a_literal_path_of_a_file_no_web_server_runs_is_not_converted() {
        assertThat(LiteralPathRegex.path("\\\\Windows\\\\Temp\\\\lsass\\.dmp")).isNull();
    }

    @Test
    void scored_hashes_and_addresses_keep_their_score_and_text_and_scored_regexes_are_paths_or_counted() {
        String sha = "e".repeat(64);
        Feed feed = one("mixed-iocs.txt", """
            # Exchange shells
            %s;85;Dropper seen on Exchange
            198.51.100.61;65
            \\\\inetpub\\\\wwwroot\\\\aspnet_client\\\\xyz1\\.aspx;90
            \\\\FrontEnd\\\\HttpProxy\\\\owa\\\\auth\\\\[a-z]{8}\\.aspx;90
            \\\\temp\\\\evil\\.aspx;60;(?i)\\\\legit\\\\
            """.formatted(sha));

        assertThat(values(feed, IocType.SHA256)).containsExactly(sha);
        assertThat(values(feed, IocType.IP)).containsExactly("198.51.100.61");
        assertThat(values(feed, IocType.URI_PATH)).containsExactly("/aspnet_client/xyz1.aspx");
        assertThat(feed.entries()).extracting(FeedEntry::description).containsExactly(
                "Dropper seen on Exchange (score 85)", "Exchange shells (score 65)", "Exchange shells (score 90)");
        assertThat(problems(feed)).contains("mixed-iocs.txt:5: 2 value(s) skipped, the first at line 5: file-name regular expressions");
    }
}
