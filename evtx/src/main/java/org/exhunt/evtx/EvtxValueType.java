package org.exhunt.evtx;

/**
 * The value types of BinXML, with the codes the format uses. An array type is the element type
 * with bit {@code 0x80} set; {@link EvtxValue#isArray()} tells them apart.
 */
public enum EvtxValueType {
    NULL(0x00),
    STRING(0x01),
    ANSI_STRING(0x02),
    INT8(0x03),
    UINT8(0x04),
    INT16(0x05),
    UINT16(0x06),
    INT32(0x07),
    UINT32(0x08),
    INT64(0x09),
    UINT64(0x0A),
    REAL32(0x0B),
    REAL64(0x0C),
    BOOL(0x0D),
    BINARY(0x0E),
    GUID(0x0F),
    SIZE_T(0x10),
    FILETIME(0x11),
    SYSTEMTIME(0x12),
    SID(0x13),
    HEX_INT32(0x14),
    HEX_INT64(0x15),
    EVT_HANDLE(0x20),
    BINXML(0x21),
    EVT_XML(0x23);

    private static final EvtxValueType[] BY_CODE = new EvtxValueType[0x24];

    static {
        for (EvtxValueType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    EvtxValueType(int code) {
        this.code = code;
    }

    /** The code of this type in BinXML (without the array bit). */
    public int code() {
        return code;
    }

    /** The type for a BinXML code with the array bit cleared, or null if the code is unknown. */
    static EvtxValueType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
