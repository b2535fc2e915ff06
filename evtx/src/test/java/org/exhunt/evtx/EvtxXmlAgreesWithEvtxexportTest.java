package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our XML of every record of every corpus EVTX file agrees with libevtx's
 * {@code evtxexport -f xml} after a normalisation that removes differences of notation only:
 * <ul>
 * <li>layout: white space between tags and around text is dropped; {@code <X></X>} is {@code <X/>};</li>
 * <li>attributes with an empty value are dropped (python-evtx and libevtx write {@code Qualifiers=""},
 *     Windows leaves them out);</li>
 * <li>fraction digits of times are cut to milliseconds (evtxexport writes nine digits, Windows seven);</li>
 * <li>GUIDs are compared in lower case, hex numbers without leading zeros
 *     ({@code 0x0000000001f4c65f} = {@code 0x1f4c65f}).</li>
 * </ul>
 * Records are paired by their System/EventRecordID within each file (the record header's id
 * differs from it in exported logs). At least 99% must agree.
 */
class EvtxXmlAgreesWithEvtxexportTest {

    private static final Path EVTXEXPORT = Path.of("/usr/bin/evtxexport");
    private static final Pattern RECORD_ID = Pattern.compile("<EventRecordID>(\\d+)</EventRecordID>");

    @Test
    void atLeast99PercentOfCorpusRecordsAgreeWithEvtxexport() throws Exception {
        if (!Files.isExecutable(EVTXEXPORT)) {
            fail("evtxexport is missing: apt-get install -y libevtx-utils");
        }
        List<Path> files = Corpus.evtxFiles("evtx");
        long reference = 0;
        long agree = 0;
        long ours = 0;
        List<String> samples = new ArrayList<>();
        for (Path file : files) {
            boolean sampled = false;
            Map<String, ArrayDeque<String>> mine = new HashMap<>();
            EvtxReader.sequential().read(file, r -> {
                EvtxElement idElement = r.system() == null ? null : r.system().child("EventRecordID");
                String id = idElement == null ? "?" : idElement.text();
                mine.computeIfAbsent(id, k -> new ArrayDeque<>()).add(normalise(r.toXml()));
            });
            ours += mine.values().stream().mapToInt(ArrayDeque::size).sum();
            for (String ref : referenceRecords(file)) {
                reference++;
                Matcher m = RECORD_ID.matcher(ref);
                String id = m.find() ? m.group(1) : "?";
                ArrayDeque<String> candidates = mine.get(id);
                String expected = normalise(ref);
                String actual = candidates == null ? null : candidates.poll();
                if (expected.equals(actual)) {
                    agree++;
                } else if (!sampled && samples.size() < 40) {
                    sampled = true;
                    samples.add(file.getFileName() + " record " + id + "\n  evtxexport: " + oneLine(expected) + "\n  ours:       " + oneLine(actual));
                }
            }
        }
        double share = reference == 0 ? 0 : 100.0 * agree / reference;
        System.out.printf("evtxexport XML agreement: %d of %d records (%.2f%%) in %d files; we read %d records%n",
                agree, reference, share, files.size(), ours);
        samples.forEach(System.out::println);
        assertThat(reference).isGreaterThan(0);
        assertThat(share).as("share of records agreeing with evtxexport").isGreaterThanOrEqualTo(99.0);
    }

    /** evtxexport's records: blocks from {@code <Event } to {@code </Event>}. */
    private static List<String> referenceRecords(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(EVTXEXPORT.toString(), "-f", "xml", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            out = buffer.toString(StandardCharsets.UTF_8);
        }
        p.waitFor();
        List<String> records = new ArrayList<>();
        int at = 0;
        while (true) {
            int start = out.indexOf("<Event xmlns", at);
            if (start < 0) {
                start = out.indexOf("<Event>", at);
            }
            if (start < 0) {
                break;
            }
            int end = out.indexOf("</Event>", start);
            if (end < 0) {
                break;
            }
            records.add(out.substring(start, end + "</Event>".length()));
            at = end;
        }
        return records;
    }

    private static final Pattern SPACE_AFTER_TAG = Pattern.compile(">\\s+");
    private static final Pattern SPACE_BEFORE_TAG = Pattern.compile("\\s+<");
    private static final Pattern EMPTY_ATTRIBUTE = Pattern.compile("\\s[\\w:]+=\"\"");
    private static final Pattern EMPTY_ELEMENT = Pattern.compile("<([\\w:.-]+)((?:\\s[^<>]*)?)(?<!/)></\\1>");
    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d)\\.(\\d{3})\\d*Z?");
    private static final Pattern GUID = Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern HEX = Pattern.compile("0x0*([0-9a-fA-F]+)");

    private static String oneLine(String s) {
        return s == null ? null : s.replace("\r", "\\r").replace("\n", "\\n");
    }

    static String normalise(String xml) {
        String s = SPACE_AFTER_TAG.matcher(xml).replaceAll(">");
        s = SPACE_BEFORE_TAG.matcher(s).replaceAll("<");
        s = EMPTY_ATTRIBUTE.matcher(s).replaceAll("");
        s = EMPTY_ELEMENT.matcher(s).replaceAll("<$1$2/>");
        s = TIME.matcher(s).replaceAll("$1.$2Z");
        s = GUID.matcher(s).replaceAll(m -> m.group().toLowerCase());
        return HEX.matcher(s).replaceAll("0x$1");
    }
}
