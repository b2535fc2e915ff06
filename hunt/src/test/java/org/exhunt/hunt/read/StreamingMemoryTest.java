package org.exhunt.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.exhunt.hunt.event.SourceKind;
import org.exhunt.hunt.evidence.EvidenceFile;
import org.junit.jupiter.api.Test;

/** Reading streams: a log larger than the whole heap is read with memory to spare. */
class StreamingMemoryTest {

    private static final byte[] HEAD = ("#Software: Microsoft Internet Information Services 10.0\r\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status time-taken\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINE = ("2021-03-03 02:21:44 10.0.0.5 POST /owa/auth/logon.aspx a=1&b=2 443 - 86.105.18.116 "
            + "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 200 12\r\n").getBytes(StandardCharsets.US_ASCII);

    /** A log of {@code lines} identical lines, generated as it is read: nothing is held in memory. */
    private static EvidenceFile generated(long lines) {
        return new EvidenceFile() {
            @Override
            public String path() {
                return "generated.log";
            }

            @Override
            public long size() {
                return HEAD.length + lines * LINE.length;
            }

            @Override
            public InputStream open() {
                return new InputStream() {
                    long pos;
                    final long size = size();

                    @Override
                    public int read() {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (pos >= size) return -1;
                        int n = 0;
                        while (n < len && pos < size) {
                            byte[] src = pos < HEAD.length ? HEAD : LINE;
                            int at = pos < HEAD.length ? (int) pos : (int) ((pos - HEAD.length) % LINE.length);
                            int chunk = (int) Math.min(Math.min(len - n, src.length - at), size - pos);
                            System.arraycopy(src, at, b, off + n, chunk);
                            n += chunk;
                            pos += chunk;
                        }
                        return n;
                    }
                };
            }
        };
    }

    @Test
    void logLargerThanTheHeapIsReadWithoutHoldingIt() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long lines = maxHeap / LINE.length + 1_000;
        EvidenceFile file = generated(lines);
        assertThat(file.size()).isGreaterThan(maxHeap);
        long[] agents = {0};
        ReadResult r = Readers.forKind(SourceKind.IIS_W3C).read(file, e -> {
            if ("Mozilla/5.0 (Windows NT 10.0; Win64; x64)".equals(e.get("cs-user-agent"))) agents[0]++;
        });
        assertThat(r.error()).isNull();
        assertThat(r.events()).isEqualTo(lines);
        assertThat(agents[0]).isEqualTo(lines);
    }
}
