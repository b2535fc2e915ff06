package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.evtx.ChunkBuilder.Value;
import org.junit.jupiter.api.Test;

/** A record's template and substitution values, offered beside its element tree. */
class EvtxTemplateTest {

    /** Event/System/EventID from value 0, Level from an optional value 1, EventData/Data Name="User" from value 2. */
    private static Runnable simpleTemplate(ChunkBuilder b) {
        return () -> b.fragmentHeader()
                .open("Event", false).closeStart()
                .open("System", false).closeStart()
                .open("EventID", false).closeStart().substitution(0, 0x06, false).end()
                .open("Level", false).closeStart().substitution(1, 0x04, true).end()
                .end()
                .open("EventData", false).closeStart()
                .open("Data", true).attribute("Name", false).text("User").closeStart().substitution(2, 0x01, false).end()
                .end()
                .end()
                .endOfStream();
    }

    private static List<EvtxRecord> twoRecordsOfOneTemplate(int padding) {
        ChunkBuilder b = new ChunkBuilder();
        // a record without a template first moves the definition to another chunk offset
        for (int i = 0; i < padding; i++) {
            b.startRecord().fragmentHeader().open("Event", false).closeStart().text("pad").end().endOfStream().endRecord();
        }
        int[] definition = new int[1];
        b.startRecord().fragmentHeader();
        b.templateInline(simpleTemplate(b), definition, Value.uint16(4624), Value.nul(), Value.string("alice"));
        b.endOfStream().endRecord();
        b.startRecord().fragmentHeader();
        b.templateByOffset(definition[0], Value.uint16(4625), new Value(0x04, new byte[] {4}), Value.string("bob"));
        b.endOfStream().endRecord();
        List<EvtxProblem> problems = new ArrayList<>();
        List<EvtxRecord> records = ChunkBuilder.read(b.file(), problems);
        assertThat(problems).isEmpty();
        return records.subList(padding, records.size());
    }

    @Test
    void aRecordThatIsOneTemplateInstanceOffersItsTemplateAndValues() {
        EvtxRecord r = twoRecordsOfOneTemplate(0).get(0);
        assertThat(r.template()).isNotNull();
        assertThat(r.substitutionCount()).isEqualTo(3);
        assertThat(r.substitution(0).asLong()).isEqualTo(4624L);
        assertThat(r.substitution(1).isNull()).isTrue();
        assertThat(r.substitution(2).text()).isEqualTo("alice");
        assertThat(r.substitution(3).isNull()).as("past the values").isTrue();
        assertThat(visit(r.template())).isEqualTo(
                "<Event><System><EventID>$0</EventID><Level>$1?</Level></System>"
                        + "<EventData><Data Name='User'>$2</Data></EventData></Event>");
    }

    @Test
    void theTreeIsStillTheOneWindowsDescribes() {
        List<EvtxRecord> records = twoRecordsOfOneTemplate(0);
        assertThat(records.get(0).eventId()).isEqualTo(4624);
        assertThat(records.get(0).eventData()).containsEntry("User", "alice");
        assertThat(records.get(1).toXml()).contains("<EventID>4625</EventID>", "<Level>4</Level>", "<Data Name=\"User\">bob</Data>");
        assertThat(records.get(0).system().child("Level").text()).as("optional value absent").isEmpty();
    }

    @Test
    void recordsOfEqualTemplatesShareOneTemplateAcrossChunksAndFiles() {
        List<EvtxRecord> here = twoRecordsOfOneTemplate(0);
        List<EvtxRecord> elsewhere = twoRecordsOfOneTemplate(3);
        assertThat(here.get(1).template()).isSameAs(here.get(0).template());
        assertThat(elsewhere.get(0).template()).isSameAs(here.get(0).template());
        assertThat(elsewhere.get(0).fileOffset()).isNotEqualTo(here.get(0).fileOffset());
    }

    @Test
    void aRecordWithoutTemplateOrWithATemplateNestedInItsTemplateOffersNone() {
        ChunkBuilder b = new ChunkBuilder();
        b.startRecord().fragmentHeader().open("Event", false).closeStart().text("plain").end().endOfStream().endRecord();
        int[] inner = new int[1];
        int[] outer = new int[1];
        b.startRecord().fragmentHeader();
        b.templateInline(() -> b.fragmentHeader()
                .open("Event", false).closeStart()
                .templateInline(() -> b.fragmentHeader().open("Inner", false).closeStart().substitution(0, 0x01, false).end().endOfStream(),
                        inner, Value.string("in"))
                .substitution(0, 0x01, false)
                .end().endOfStream(), outer, Value.string("out"));
        b.endOfStream().endRecord();
        List<EvtxProblem> problems = new ArrayList<>();
        List<EvtxRecord> records = ChunkBuilder.read(b.file(), problems);
        assertThat(problems).isEmpty();
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(r -> assertThat(r.template()).isNull());
        assertThat(records.get(0).substitutionCount()).isZero();
        assertThat(records.get(1).toXml()).contains("<Inner>in</Inner>", "out");
    }

    @Test
    void aNestedBinXmlValueThatIsOneTemplateInstanceOffersItsTemplateAndValues() {
        ChunkBuilder b = new ChunkBuilder();
        int[] data = new int[1];
        // the data template is defined in a first record, the nested value refers to it by offset
        b.startRecord().fragmentHeader();
        b.templateInline(() -> b.fragmentHeader()
                .open("EventData", false).closeStart()
                .open("Data", true).attribute("Name", false).text("Path").closeStart().substitution(0, 0x01, false).end()
                .end().endOfStream(), data, Value.string("first"));
        b.endOfStream().endRecord();
        Value nested = b.binXml(n -> n.fragmentHeader().templateByOffset(data[0], Value.string("C:\\x.exe")).endOfStream());
        int[] outer = new int[1];
        b.startRecord().fragmentHeader();
        b.templateInline(() -> b.fragmentHeader()
                .open("Event", false).closeStart().substitution(0, 0x21, false).end().endOfStream(), outer, nested);
        b.endOfStream().endRecord();
        List<EvtxProblem> problems = new ArrayList<>();
        List<EvtxRecord> records = ChunkBuilder.read(b.file(), problems);
        assertThat(problems).isEmpty();
        EvtxValue v = records.get(1).substitution(0);
        assertThat(v.type()).isEqualTo(EvtxValueType.BINXML);
        assertThat(v.template()).isSameAs(records.get(0).template());
        assertThat(v.substitutionCount()).isEqualTo(1);
        assertThat(v.substitution(0).text()).isEqualTo("C:\\x.exe");
        assertThat(records.get(1).eventData()).containsEntry("Path", "C:\\x.exe");
        assertThat(records.get(0).substitution(0).template()).as("not nested BinXML").isNull();
    }

    /** The definition as compact markup: $i for a substitution, ? when optional. */
    private static String visit(EvtxTemplate t) {
        StringBuilder sb = new StringBuilder();
        List<String> open = new ArrayList<>();
        boolean[] inTag = {false};
        t.accept(new EvtxTemplate.Visitor() {
            private void closeTag() {
                if (inTag[0]) {
                    sb.append('>');
                    inTag[0] = false;
                }
            }

            @Override
            public void startElement(String name) {
                closeTag();
                sb.append('<').append(name);
                open.add(name);
                inTag[0] = true;
            }

            @Override
            public void attribute(String name, EvtxValue literal) {
                sb.append(' ').append(name).append("='").append(literal.text()).append('\'');
            }

            @Override
            public void attributeSubstitution(String name, int index, boolean optional) {
                sb.append(' ').append(name).append("=$").append(index);
            }

            @Override
            public void attributeJoined(String name) {
                sb.append(' ').append(name).append("=...");
            }

            @Override
            public void text(EvtxText literal) {
                closeTag();
                sb.append(literal.text());
            }

            @Override
            public void substitution(int index, boolean optional) {
                closeTag();
                sb.append('$').append(index).append(optional ? "?" : "");
            }

            @Override
            public void endElement() {
                closeTag();
                sb.append("</").append(open.remove(open.size() - 1)).append('>');
            }
        });
        return sb.toString();
    }
}
