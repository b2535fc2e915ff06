package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corners of evtx_dump's JSON shape that the regression corpus does not reach. */
class EvtxJsonShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void repeatedNamesKeepTheLastUnderThePlainKeyAndMoveEarlierOnesToNumberedKeys() throws Exception {
        EvtxElement headers = element("Headers", List.of(), leaf("Header", "first"), leaf("Header", "second"), leaf("Header", "third"));
        JsonNode json = render(element("Event", List.of(), headers));
        JsonNode h = json.at("/Event/Headers");
        assertThat(h.get("Header").asText()).isEqualTo("third");
        assertThat(h.get("Header_1").asText()).isEqualTo("first");
        assertThat(h.get("Header_2").asText()).isEqualTo("second");
    }

    @Test
    void textBesideAttributesGoesUnderHashTextAndNullAttributesAreLeftOut() throws Exception {
        EvtxElement eventId = EvtxElement.of("EventID",
                List.of(new EvtxAttribute("Qualifiers", number(EvtxValueType.UINT16, 16384)), new EvtxAttribute("Gone", EvtxValue.NULL)),
                List.of(EvtxText.of(number(EvtxValueType.UINT16, 7036))));
        JsonNode json = render(element("Event", List.of(), element("System", List.of(), eventId)));
        assertThat(json.at("/Event/System/EventID/#attributes/Qualifiers").asInt()).isEqualTo(16384);
        assertThat(json.at("/Event/System/EventID/#attributes").has("Gone")).isFalse();
        assertThat(json.at("/Event/System/EventID/#text").asInt()).isEqualTo(7036);
    }

    @Test
    void unnamedDataLandsUnderDataHashTextAndEmptyElementsAreNull() throws Exception {
        EvtxElement data = element("EventData", List.of(), leaf("Data", "a"), leaf("Data", "b"), element("Binary", List.of()));
        JsonNode json = render(element("Event", List.of(), data));
        assertThat(json.at("/Event/EventData/Data/#text").asText()).isEqualTo("b");
        assertThat(json.at("/Event/EventData/Binary").isNull()).isTrue();
    }

    @Test
    void valuesAreTypedAsEvtxDumpTypesThem() throws Exception {
        EvtxElement data = element("EventData", List.of(),
                named("Hex", new EvtxValue(EvtxValueType.HEX_INT32, false, 0x1fffffL)),
                named("Big", new EvtxValue(EvtxValueType.UINT64, false, -1L)),
                named("Flag", new EvtxValue(EvtxValueType.BOOL, false, true)),
                named("Bytes", new EvtxValue(EvtxValueType.BINARY, false, new byte[] {(byte) 0xCA, 0x0F})),
                named("Text", EvtxValue.string("ends in spaces  ")));
        JsonNode d = render(element("Event", List.of(), data)).at("/Event/EventData");
        assertThat(d.get("Hex").asText()).isEqualTo("0x1fffff");
        assertThat(d.get("Big").bigIntegerValue().toString()).isEqualTo("18446744073709551615");
        assertThat(d.get("Flag").booleanValue()).isTrue();
        assertThat(d.get("Bytes").asText()).isEqualTo("CA0F");
        assertThat(d.get("Text").asText()).isEqualTo("ends in spaces");
    }

    private static JsonNode render(EvtxElement root) throws Exception {
        JsonNode pretty = JSON.readTree(JsonRenderer.render(root, true));
        assertThat(JSON.readTree(JsonRenderer.render(root, false))).isEqualTo(pretty);
        return pretty;
    }

    private static EvtxValue number(EvtxValueType type, long v) {
        return new EvtxValue(type, false, v);
    }

    private static EvtxElement element(String name, List<EvtxAttribute> attributes, EvtxNode... children) {
        return EvtxElement.of(name, attributes, List.of(children));
    }

    private static EvtxElement leaf(String name, String text) {
        return element(name, List.of(), EvtxText.of(EvtxValue.string(text)));
    }

    private static EvtxElement named(String name, EvtxValue v) {
        return element("Data", List.of(new EvtxAttribute("Name", EvtxValue.string(name))), EvtxText.of(v));
    }
}
