package org.exhunt.hunt.read.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDataFieldsTest {

    @Test
    void splitsTypedPairsKeepingPrefixesAndOrder() {
        Map<String, String> m = EventDataFields.split("S:TIME=13;S:CMD=Get-InboxRule;S:REQID=;Dbl:MAPI.T[EX01.abc]=3;I32:ADS.C[DC1]=1");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("S:TIME", "13");
        expected.put("S:CMD", "Get-InboxRule");
        expected.put("S:REQID", null);
        expected.put("Dbl:MAPI.T[EX01.abc]", "3");
        expected.put("I32:ADS.C[DC1]", "1");
        assertThat(m).containsExactlyEntriesOf(expected);
    }

    @Test
    void semicolonsAndEqualsSignsInsideValuesStayInTheValue() {
        Map<String, String> m = EventDataFields.split("S:URL=/ecp/x?a=b;c=d;S:CMD=f(){x;y}; z;S:IP=1.2.3.4;");
        assertThat(m).containsEntry("S:URL", "/ecp/x?a=b;c=d").containsEntry("S:CMD", "f(){x;y}; z")
                .containsEntry("S:IP", "1.2.3.4").hasSize(3);
    }

    @Test
    void textWithoutPairsGivesNothingAndNeverFails() {
        assertThat(EventDataFields.split("just text; no pairs")).isEmpty();
        assertThat(EventDataFields.split(null)).isEmpty();
        assertThat(EventDataFields.split(";;S:=x;:=;X:Y")).isEmpty();
    }
}
