package org.exhunt.evtx;

import java.time.Instant;
import java.util.List;

/**
 * One typed value of an event: a substitution value or literal text. Immutable. {@link #text()}
 * renders it the way Windows shows it in event XML.
 */
public final class EvtxValue {

    static final EvtxValue NULL = new EvtxValue(EvtxValueType.NULL, false, null);
    static final EvtxValue EMPTY_STRING = new EvtxValue(EvtxValueType.STRING, false, "");

    private final EvtxValueType type;
    private final boolean array;
    /**
     * String for strings, SIDs and GUIDs (upper case, no braces); Long for integers, SIZE_T,
     * hex integers and FILETIME ticks; Float/Double; Boolean; byte[] for binary; Instant (or
     * null when invalid) for SYSTEMTIME; List of EvtxValue for arrays; List of EvtxNode for
     * nested BinXML (or the {@link TemplateInstance} to fill it in from).
     */
    private final Object value;

    EvtxValue(EvtxValueType type, boolean array, Object value) {
        this.type = type;
        this.array = array;
        this.value = value;
    }

    static EvtxValue string(String s) {
        return s.isEmpty() ? EMPTY_STRING : new EvtxValue(EvtxValueType.STRING, false, s);
    }

    /** The BinXML type (the element type for arrays). */
    public EvtxValueType type() {
        return type;
    }

    public boolean isArray() {
        return array;
    }

    public boolean isNull() {
        return type == EvtxValueType.NULL;
    }

    /** Whole numbers (including hex integers, SIZE_T, booleans as 0/1), or null for other types. */
    public Long asLong() {
        if (array) {
            return null;
        }
        if (value instanceof Long l && type != EvtxValueType.FILETIME) {
            return l;
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return null;
    }

    /** FILETIME and SYSTEMTIME values as an instant, else null. */
    public Instant asInstant() {
        if (array) {
            return null;
        }
        if (type == EvtxValueType.FILETIME) {
            return TimeText.fromFiletime((Long) value);
        }
        if (type == EvtxValueType.SYSTEMTIME) {
            return (Instant) value;
        }
        return null;
    }

    /** The elements of an array value; empty for a single value. */
    @SuppressWarnings("unchecked")
    public List<EvtxValue> elements() {
        return array ? (List<EvtxValue>) value : List.of();
    }

    /** Nested event XML carried by a BINXML value; empty for other types. */
    @SuppressWarnings("unchecked")
    public List<EvtxNode> nodes() {
        if (type != EvtxValueType.BINXML || array) {
            return List.of();
        }
        return value instanceof TemplateInstance i ? i.nodes() : (List<EvtxNode>) value;
    }

    /**
     * The template of a BINXML value that is exactly one template instance (as
     * {@link EvtxRecord#template()} for a record), else null.
     */
    public EvtxTemplate template() {
        return value instanceof TemplateInstance i ? i.template() : null;
    }

    /** How many substitution values a BINXML value's template instance carries (0 without a {@link #template()}). */
    public int substitutionCount() {
        return value instanceof TemplateInstance i ? i.count() : 0;
    }

    /** Substitution value {@code index} of a BINXML value's template instance; a null value past its values. */
    public EvtxValue substitution(int index) {
        return value instanceof TemplateInstance i ? i.value(index) : NULL;
    }

    /** Whether {@link #text()} is empty, without building it for the common cases. */
    boolean isEmptyText() {
        if (type == EvtxValueType.NULL || type == EvtxValueType.EVT_HANDLE || type == EvtxValueType.EVT_XML) {
            return !array || elements().isEmpty();
        }
        if (value instanceof String s) {
            return s.isEmpty();
        }
        if (value instanceof byte[] bytes) {
            return bytes.length == 0;
        }
        if (value instanceof Long || value instanceof Boolean) {
            return false;
        }
        return text().isEmpty();
    }

    Object raw() {
        return value;
    }

    /** The value as Windows writes it in event XML (arrays joined by commas, null as empty). */
    public String text() {
        if (array) {
            StringBuilder sb = new StringBuilder();
            for (EvtxValue v : elements()) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(v.text());
            }
            return sb.toString();
        }
        switch (type) {
            case NULL:
            case EVT_HANDLE:
            case EVT_XML:
                return "";
            case STRING:
            case ANSI_STRING:
            case SID:
                return (String) value;
            case GUID:
                return "{" + value + "}";
            case UINT64:
                return Long.toUnsignedString((Long) value);
            case HEX_INT32:
            case HEX_INT64:
            case SIZE_T:
                return "0x" + Long.toHexString((Long) value);
            case FILETIME:
                return TimeText.windows(TimeText.fromFiletime((Long) value));
            case SYSTEMTIME:
                return value == null ? "" : TimeText.windows((Instant) value);
            case BINARY:
                return hex((byte[]) value);
            case BINXML:
                return XmlRenderer.textOf(nodes());
            case REAL32:
            case REAL64:
                return scientific(((Number) value).doubleValue());
            default:
                return String.valueOf(value);
        }
    }

    /** Windows prints reals as C's {@code %e} with a three-digit exponent: {@code 3.199234e+003}. */
    static String scientific(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6e", d);
        int e = s.indexOf('e');
        String exponent = s.substring(e + 2);
        while (exponent.length() < 3) {
            exponent = "0" + exponent;
        }
        return s.substring(0, e + 2) + exponent;
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        final String digits = "0123456789ABCDEF";
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits.charAt((bytes[i] >> 4) & 0xF);
            out[2 * i + 1] = digits.charAt(bytes[i] & 0xF);
        }
        return new String(out);
    }

    @Override
    public String toString() {
        return text();
    }
}
