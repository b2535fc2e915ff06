package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.evtx.ChunkBuilder.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records built token by token, for the parts of BinXML the corpus hardly has: text tokens of
 * every kind, optional substitutions, arrays, nested BinXML, and a template reused by offset.
 */
class BinXmlTokensTest {

    private static List<EvtxRecord> records;
    private static List<EvtxProblem> problems;
    private static byte[] file;

    @BeforeAll
    static void buildTwoRecordsSharingOneTemplate() {
        ChunkBuilder b = new ChunkBuilder();
        int[] template = new int[1];
        Runnable body = () -> b.fragmentHeader()
                .open("Event", true).attribute("xmlns", false).text("urn:test").closeStart()
                .open("System", false).closeStart()
                .open("EventID", false).closeStart().substitution(0, 0x06, false).end()
                .open("Correlation", true).attribute("ActivityID", false).substitution(1, 0x0F, true).closeEmpty()
                .open("Keywords", false).closeStart().substitution(2, 0x15, false).end()
                .end()
                .open("EventData", false).closeStart()
                .open("Data", true).attribute("Name", false).text("Note").closeStart()
                .text("a").cdata("<b>").entityRef("amp").charRef('C').pi("pi", "x=1").end()
                .open("Data", true).attribute("Name", false).text("List").closeStart().substitution(3, 0x81, false).end()
                .open("Binary", false).closeStart().substitution(4, 0x0E, true).end()
                .open("Data", true).attribute("Name", false).text("Nested").closeStart().substitution(5, 0x21, false).end()
                .end()
                .end()
                .endOfStream();
        b.startRecord().fragmentHeader();
        b.templateInline(body, template,
                Value.uint16(4624), Value.nul(), Value.hex64(0x8020000000000000L),
                Value.stringArray("one", "two"), Value.binary(), Value.nul());
        b.endOfStream().endRecord();
        Value nested = b.binXml(n -> n.fragmentHeader()
                .open("Data", true, false).attribute("Name", false).text("Inner").closeStart().text("deep").end()
                .endOfStream());
        b.startRecord().fragmentHeader();
        b.templateByOffset(template[0],
                Value.uint16(4688), Value.nul(), Value.hex64(0x10L),
                Value.stringArray("x"), Value.binary((byte) 0xCA, (byte) 0xFE), nested);
        b.endOfStream().endRecord();
        file = b.file();
        problems = new ArrayList<>();
        records = ChunkBuilder.read(file, problems);
    }

    @Test
    void bothRecordsReadWithoutProblems() {
        assertThat(problems).isEmpty();
        assertThat(records).hasSize(2);
        assertThat(records).extracting(EvtxRecord::eventId).containsExactly(4624, 4688);
    }

    @Test
    void textTokensOfEveryKindRenderInXml() {
        assertThat(records.get(0).toXml()).isEqualTo("""
                <Event xmlns="urn:test">
                  <System>
                    <EventID>4624</EventID>
                    <Correlation/>
                    <Keywords>0x8020000000000000</Keywords>
                  </System>
                  <EventData>
                    <Data Name="Note">a<![CDATA[<b>]]>&amp;C<?pi x=1?></Data>
                    <Data Name="List">one</Data>
                    <Data Name="List">two</Data>
                    <Data Name="Nested"/>
                  </EventData>
                </Event>
                """);
    }

    @Test
    void aTemplateReferencedByOffsetIsFilledWithTheSecondRecordsValues() {
        assertThat(records.get(1).toXml()).isEqualTo("""
                <Event xmlns="urn:test">
                  <System>
                    <EventID>4688</EventID>
                    <Correlation/>
                    <Keywords>0x10</Keywords>
                  </System>
                  <EventData>
                    <Data Name="Note">a<![CDATA[<b>]]>&amp;C<?pi x=1?></Data>
                    <Data Name="List">x</Data>
                    <Binary>CAFE</Binary>
                    <Data Name="Nested">
                      <Data Name="Inner">deep</Data>
                    </Data>
                  </EventData>
                </Event>
                """);
    }

    @Test
    void jsonTypesValuesAndFoldsNamedDataAsEvtxDumpDoes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(records.get(1).toJson());
        JsonNode system = json.at("/Event/System");
        assertThat(system.get("EventID").isInt()).isTrue();
        assertThat(system.get("EventID").asInt()).isEqualTo(4688);
        assertThat(system.get("Correlation").isNull()).isTrue();
        assertThat(system.get("Keywords").asText()).isEqualTo("0x10");
        JsonNode data = json.at("/Event/EventData");
        assertThat(data.get("Note").asText()).isEqualTo("a<b>&C<?pi x=1?>");
        assertThat(data.get("List").isArray()).isTrue();
        assertThat(data.get("List").get(0).asText()).isEqualTo("x");
        assertThat(data.get("Binary").asText()).isEqualTo("CAFE");
        assertThat(data.at("/Nested/Inner").asText()).isEqualTo("deep");
    }

    @Test
    void accessorsReadTheTree() {
        EvtxRecord r = records.get(1);
        assertThat(r.system().child("Keywords").value().type()).isEqualTo(EvtxValueType.HEX_INT64);
        assertThat(r.root().attributeText("xmlns")).isEqualTo("urn:test");
        assertThat(r.eventData()).containsEntry("Note", "a<b>&C<?pi x=1?>").containsEntry("List", "x");
        assertThat(r.channel()).isNull();
        assertThat(r.provider()).isNull();
        assertThat(r.systemTime()).isEqualTo(r.timestamp());
    }

    @Test
    void theBuiltFileIsAGoodFuzzSeed() {
        ChunkBuilder b = new ChunkBuilder();
        assertThat(EvtxFuzzInput.asEvtx(new byte[0])).hasSize(4096 + 65536);
        assertThat(EvtxReader.sequential().read(EvtxFuzzInput.asEvtx(java.util.Arrays.copyOfRange(file, 4096 + 512, 4096 + 512 + 2000)), r -> { }).records())
                .isGreaterThanOrEqualTo(1);
        assertThat(b.position()).isEqualTo(512);
    }
}
