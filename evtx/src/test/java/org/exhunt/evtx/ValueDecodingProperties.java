package org.exhunt.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Substitution values decoded from bytes built the way Windows lays them out. */
class ValueDecodingProperties {

    private static final long SECONDS_1601_TO_1970 = 11_644_473_600L;

    @Property
    void filetimeTicksDecodeToTheInstantTheyCount(@ForAll @LongRange(min = 0, max = 2_650_467_743_999_999_999L) long ticks) {
        EvtxValue v = ValueDecoder.decode(le64(ticks), 0, 8, EvtxValueType.FILETIME.code());
        Instant expected = Instant.ofEpochSecond(ticks / 10_000_000 - SECONDS_1601_TO_1970, (ticks % 10_000_000) * 100);
        assertThat(v.asInstant()).isEqualTo(expected);
        assertThat(TimeText.toFiletime(v.asInstant())).isEqualTo(ticks);
        assertThat(Instant.parse(v.text())).isEqualTo(expected);
    }

    @Property
    void jsonTimesAreRfc3339CutToMicroseconds(@ForAll @LongRange(min = 0, max = 2_650_467_743_999_999_999L) long ticks) {
        Instant t = TimeText.fromFiletime(ticks);
        String text = (String) JsonRenderer.value(ValueDecoder.decode(le64(ticks), 0, 8, EvtxValueType.FILETIME.code()));
        assertThat(Instant.parse(text)).isEqualTo(t.truncatedTo(ChronoUnit.MICROS));
        assertThat(text).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3}|\\.\\d{6})?Z");
    }

    @Property
    void systemtimeFieldsDecodeToThatDateAndTime(@ForAll @IntRange(min = 1601, max = 9999) int year,
                                                 @ForAll @IntRange(min = 1, max = 12) int month,
                                                 @ForAll @IntRange(min = 1, max = 28) int day,
                                                 @ForAll @IntRange(min = 0, max = 23) int hour,
                                                 @ForAll @IntRange(min = 0, max = 59) int minute,
                                                 @ForAll @IntRange(min = 0, max = 59) int second,
                                                 @ForAll @IntRange(min = 0, max = 999) int millis) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) year).putShort((short) month).putShort((short) 3).putShort((short) day)
                .putShort((short) hour).putShort((short) minute).putShort((short) second).putShort((short) millis);
        EvtxValue v = ValueDecoder.decode(b.array(), 0, 16, EvtxValueType.SYSTEMTIME.code());
        assertThat(v.asInstant()).isEqualTo(LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC));
    }

    @Property
    void sidBytesReadAsTheirStringForm(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long authority,
                                       @ForAll @Size(max = 15) List<@LongRange(min = 0, max = 0xFFFF_FFFFL) Long> subAuthorities) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * subAuthorities.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) subAuthorities.size());
        for (int shift = 40; shift >= 0; shift -= 8) {
            b.put((byte) (authority >>> shift));
        }
        StringBuilder expected = new StringBuilder("S-1-").append(authority);
        for (long s : subAuthorities) {
            b.putInt((int) s);
            expected.append('-').append(s);
        }
        EvtxValue v = ValueDecoder.decode(b.array(), 0, b.capacity(), EvtxValueType.SID.code());
        assertThat(v.text()).isEqualTo(expected.toString());
    }

    @Property
    void guidBytesInWindowsLayoutReadAsTheCanonicalForm(@ForAll("uuids") UUID uuid) {
        long hi = uuid.getMostSignificantBits();
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) (hi >>> 32)).putShort((short) (hi >>> 16)).putShort((short) hi);
        b.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        EvtxValue v = ValueDecoder.decode(b.array(), 0, 16, EvtxValueType.GUID.code());
        assertThat(v.text()).isEqualTo("{" + uuid.toString().toUpperCase() + "}");
        assertThat(JsonRenderer.value(v)).isEqualTo(uuid.toString().toUpperCase());
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
    }

    @Property
    void integersKeepTheirValueAndHexIntegersPrintAsWindowsDoes(@ForAll long n) {
        assertThat(ValueDecoder.decode(le64(n), 0, 8, EvtxValueType.INT64.code()).asLong()).isEqualTo(n);
        assertThat(ValueDecoder.decode(le64(n), 0, 8, EvtxValueType.UINT64.code()).text()).isEqualTo(Long.toUnsignedString(n));
        assertThat(ValueDecoder.decode(le64(n), 0, 8, EvtxValueType.HEX_INT64.code()).text()).isEqualTo("0x" + Long.toHexString(n));
        assertThat(ValueDecoder.decode(le64(n), 0, 4, EvtxValueType.UINT32.code()).asLong()).isEqualTo(n & 0xFFFF_FFFFL);
        assertThat(ValueDecoder.decode(le64(n), 0, 4, EvtxValueType.INT32.code()).asLong()).isEqualTo((long) (int) n);
        assertThat(ValueDecoder.decode(le64(n), 0, 2, EvtxValueType.INT16.code()).asLong()).isEqualTo((long) (short) n);
        assertThat(ValueDecoder.decode(le64(n), 0, 1, EvtxValueType.UINT8.code()).asLong()).isEqualTo(n & 0xFF);
    }

    @Property
    void stringArraysSplitAtNulCharacters(@ForAll @Size(min = 1, max = 6) List<@StringLength(max = 12) String> items) {
        List<String> clean = items.stream().map(s -> s.replace('\0', ' ')).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : clean) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
            out.writeBytes(new byte[2]);
        }
        byte[] bytes = out.toByteArray();
        EvtxValue v = ValueDecoder.decode(bytes, 0, bytes.length, 0x80 | EvtxValueType.STRING.code());
        assertThat(v.isArray()).isTrue();
        assertThat(v.elements()).extracting(EvtxValue::text).containsExactlyElementsOf(clean);
    }

    @Property
    void stringsLoseOnlyTheirTerminatingNuls(@ForAll @StringLength(max = 40) String s, @ForAll @IntRange(max = 3) int nuls) {
        String clean = s.replace('\0', ' ');
        byte[] text = clean.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2 * nuls];
        System.arraycopy(text, 0, bytes, 0, text.length);
        assertThat(ValueDecoder.decode(bytes, 0, bytes.length, EvtxValueType.STRING.code()).text()).isEqualTo(clean);
    }

    @Property
    void anyBytesOfAnyTypeDecodeOrFailAsBadData(@ForAll @Size(max = 40) byte[] bytes, @ForAll @IntRange(max = 255) int code) {
        try {
            EvtxValue v = ValueDecoder.decode(bytes, 0, bytes.length, code);
            assertThat(v.text()).isNotNull();
            JsonRenderer.value(v);
        } catch (BadDataException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }
}
