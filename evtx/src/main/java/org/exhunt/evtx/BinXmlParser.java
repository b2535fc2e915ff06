package org.exhunt.evtx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the BinXML of the records of one chunk. Names and template definitions are referenced
 * by their offset in the chunk, so both are cached here for the chunk's lifetime.
 *
 * <p>Nesting is bounded ({@link #MAX_DEPTH} elements, templates and nested BinXML together), so
 * hostile input cannot exhaust the stack; a template referring to itself hits the same bound.
 */
final class BinXmlParser {

    static final int MAX_DEPTH = 64;

    private static final int END_OF_STREAM = 0x00;
    private static final int OPEN_START_ELEMENT = 0x01;
    private static final int CLOSE_START_ELEMENT = 0x02;
    private static final int CLOSE_EMPTY_ELEMENT = 0x03;
    private static final int END_ELEMENT = 0x04;
    private static final int VALUE = 0x05;
    private static final int ATTRIBUTE = 0x06;
    private static final int CDATA = 0x07;
    private static final int CHAR_REF = 0x08;
    private static final int ENTITY_REF = 0x09;
    private static final int PI_TARGET = 0x0A;
    private static final int PI_DATA = 0x0B;
    private static final int TEMPLATE_INSTANCE = 0x0C;
    private static final int NORMAL_SUBSTITUTION = 0x0D;
    private static final int OPTIONAL_SUBSTITUTION = 0x0E;
    private static final int FRAGMENT_HEADER = 0x0F;
    /** Bit set on a token when more of its kind follow (attributes) or it has attributes (element). */
    private static final int MORE_FLAG = 0x40;

    private final byte[] b;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, List<TemplateNode>> templates = new HashMap<>();
    /** Definitions of this chunk (by identity) and their shared templates, null where none is offered. */
    private final Map<List<TemplateNode>, EvtxTemplate> shared = new java.util.IdentityHashMap<>();
    private int pos;
    private int end;
    /** Whether an open-start-element token carries the 2-byte dependency identifier. */
    private boolean dependencyId = true;
    /** Second readings left for the current record, so retries cannot multiply with depth. */
    private int retriesLeft;

    BinXmlParser(byte[] chunk) {
        this.b = chunk;
    }

    /** Parses a record's BinXML in {@code [start, limit)}, its template instances not yet filled in. */
    List<TemplateNode> parseRecordNodes(int start, int limit) {
        retriesLeft = 16;
        return parseWithEitherElementHeader(start, limit, true, 0);
    }

    /** Finished event content of parsed record nodes. */
    static List<EvtxNode> instantiate(List<TemplateNode> nodes) {
        List<EvtxNode> out = new ArrayList<>(1);
        Instantiator.fill(nodes, new EvtxValue[0], out, 0);
        return out;
    }

    /**
     * The template when parsed nodes are exactly one instance of an offered template whose
     * elements, filled in later, stay well within the nesting bound counted from {@code depth}
     * (where the nodes lie), so deferring cannot turn a record that fails now into one that
     * reads; else null.
     */
    EvtxTemplate deferrable(List<TemplateNode> nodes, int depth) {
        if (nodes.size() != 1 || !(nodes.get(0) instanceof TemplateNode.Instance i)) {
            return null;
        }
        EvtxTemplate t = templateOf(i.definition());
        return t != null && depth + t.depth() + 4 < MAX_DEPTH ? t : null;
    }

    /**
     * The shared template of a definition parsed in this chunk, or null when it cannot be offered
     * ({@link EvtxTemplate#of}); worked out once per definition and chunk.
     */
    EvtxTemplate templateOf(List<TemplateNode> definition) {
        if (shared.containsKey(definition)) {
            return shared.get(definition);
        }
        EvtxTemplate t = EvtxTemplate.of(definition);
        shared.put(definition, t);
        return t;
    }

    /**
     * Windows writes the dependency identifier in template definitions but not always in
     * elements outside them (nested BinXML values); the first reading that fits wins.
     */
    private List<TemplateNode> parseWithEitherElementHeader(int start, int limit, boolean preferred, int depth) {
        int savedPos = pos;
        int savedEnd = end;
        boolean savedDep = dependencyId;
        try {
            pos = start;
            end = limit;
            dependencyId = preferred;
            try {
                return parseStream(depth);
            } catch (BadDataException first) {
                if (retriesLeft-- <= 0) {
                    throw first;
                }
                pos = start;
                dependencyId = !preferred;
                try {
                    return parseStream(depth);
                } catch (BadDataException second) {
                    throw first;
                }
            }
        } finally {
            pos = savedPos;
            end = savedEnd;
            dependencyId = savedDep;
        }
    }

    /** A fragment: header, then elements or template instances, up to end of stream. */
    private List<TemplateNode> parseStream(int depth) {
        checkDepth(depth);
        List<TemplateNode> out = new ArrayList<>(2);
        while (pos < end) {
            int token = b[pos] & 0xFF;
            switch (token & ~MORE_FLAG) {
                case END_OF_STREAM:
                    pos++;
                    return out;
                case FRAGMENT_HEADER:
                    need(4);
                    pos += 4;
                    break;
                case TEMPLATE_INSTANCE:
                    out.add(parseInstance(depth + 1));
                    break;
                case OPEN_START_ELEMENT:
                    out.add(parseElement(depth + 1));
                    break;
                default:
                    parseContentToken(token, out, depth + 1);
            }
        }
        return out;
    }

    private TemplateNode parseElement(int depth) {
        checkDepth(depth);
        int at = pos;
        int token = b[pos] & 0xFF;
        need(dependencyId ? 11 : 9);
        pos += 1 + (dependencyId ? 2 : 0) + 4;
        String name = readNameReference();
        if ((token & MORE_FLAG) != 0) {
            need(4);
            pos += 4;
        }
        List<TemplateNode.Attribute> attributes = new ArrayList<>(4);
        boolean allFixed = true;
        while (pos < end && ((b[pos] & 0xFF) & ~MORE_FLAG) == ATTRIBUTE) {
            pos++;
            need(4);
            String attributeName = readNameReference();
            List<TemplateNode> parts = new ArrayList<>(1);
            while (pos < end && isValueToken(b[pos] & 0xFF)) {
                parseContentToken(b[pos] & 0xFF, parts, depth + 1);
            }
            TemplateNode.Attribute attribute = fixAttribute(attributeName, parts);
            allFixed &= attribute.parts().size() == 1 && attribute.parts().get(0) instanceof TemplateNode.Fixed;
            attributes.add(attribute);
        }
        need(1);
        int close = b[pos++] & 0xFF;
        List<TemplateNode> children = new ArrayList<>(4);
        if (close == CLOSE_START_ELEMENT) {
            parseContent(name, children, depth + 1);
        } else if (close != CLOSE_EMPTY_ELEMENT) {
            throw new BadDataException(String.format("element <%s> at chunk offset 0x%x: expected the end of its start tag (0x02 or 0x03), found token 0x%02x", name, at, close));
        }
        for (TemplateNode c : children) {
            allFixed &= c instanceof TemplateNode.Fixed;
        }
        if (allFixed) {
            List<EvtxAttribute> attrs = new ArrayList<>(attributes.size());
            for (TemplateNode.Attribute a : attributes) {
                EvtxValue v = ((EvtxText) ((TemplateNode.Fixed) a.parts().get(0)).node()).value();
                attrs.add(new EvtxAttribute(a.name(), v));
            }
            List<EvtxNode> kids = new ArrayList<>(children.size());
            for (TemplateNode c : children) {
                kids.add(((TemplateNode.Fixed) c).node());
            }
            return new TemplateNode.Fixed(new EvtxElement(name, List.copyOf(attrs), List.copyOf(kids)));
        }
        return new TemplateNode.Element(name, List.copyOf(attributes), List.copyOf(children), null);
    }

    /** Literal attribute values made of several pieces are joined once, here. */
    private static TemplateNode.Attribute fixAttribute(String name, List<TemplateNode> parts) {
        if (parts.size() > 1 && parts.stream().allMatch(p -> p instanceof TemplateNode.Fixed f && f.node() instanceof EvtxText)) {
            StringBuilder sb = new StringBuilder();
            for (TemplateNode p : parts) {
                sb.append(((EvtxText) ((TemplateNode.Fixed) p).node()).text());
            }
            return new TemplateNode.Attribute(name, List.of(new TemplateNode.Fixed(EvtxText.of(EvtxValue.string(sb.toString())))));
        }
        if (parts.isEmpty()) {
            return new TemplateNode.Attribute(name, List.of(new TemplateNode.Fixed(EvtxText.of(EvtxValue.EMPTY_STRING))));
        }
        return new TemplateNode.Attribute(name, List.copyOf(parts));
    }

    private static boolean isValueToken(int token) {
        int t = token & ~MORE_FLAG;
        return t == VALUE || t == CHAR_REF || t == ENTITY_REF || token == NORMAL_SUBSTITUTION || token == OPTIONAL_SUBSTITUTION;
    }

    private void parseContent(String elementName, List<TemplateNode> out, int depth) {
        while (true) {
            need(1);
            int token = b[pos] & 0xFF;
            int kind = token & ~MORE_FLAG;
            if (kind == END_ELEMENT) {
                pos++;
                return;
            }
            if (kind == OPEN_START_ELEMENT) {
                out.add(parseElement(depth));
            } else if (kind == TEMPLATE_INSTANCE) {
                out.add(parseInstance(depth));
            } else if (kind == END_OF_STREAM) {
                throw new BadDataException(String.format("end of stream at chunk offset 0x%x inside <%s>", pos, elementName));
            } else if (kind == FRAGMENT_HEADER) {
                need(4);
                pos += 4;
            } else {
                parseContentToken(token, out, depth);
            }
        }
    }

    /** Text-like tokens: values, CDATA, references, processing instructions, substitutions. */
    private void parseContentToken(int token, List<TemplateNode> out, int depth) {
        int at = pos;
        if (token == NORMAL_SUBSTITUTION || token == OPTIONAL_SUBSTITUTION) {
            need(4);
            int index = Le.u16(b, pos + 1);
            pos += 4;
            out.add(new TemplateNode.Substitution(index, token == OPTIONAL_SUBSTITUTION));
            return;
        }
        switch (token & ~MORE_FLAG) {
            case VALUE: {
                need(4);
                int type = b[pos + 1] & 0xFF;
                if (type != EvtxValueType.STRING.code()) {
                    throw new BadDataException(String.format("literal value at chunk offset 0x%x has type 0x%02x, expected a string (0x01)", at, type));
                }
                int chars = Le.u16(b, pos + 2);
                pos += 4;
                need(2 * chars);
                String s = Le.utf16(b, pos, chars);
                pos += 2 * chars;
                out.add(new TemplateNode.Fixed(EvtxText.of(EvtxValue.string(s))));
                return;
            }
            case CDATA: {
                need(3);
                int chars = Le.u16(b, pos + 1);
                pos += 3;
                need(2 * chars);
                String s = Le.utf16(b, pos, chars);
                pos += 2 * chars;
                out.add(new TemplateNode.Fixed(new EvtxText(EvtxText.Kind.CDATA, EvtxValue.string(s))));
                return;
            }
            case CHAR_REF: {
                need(3);
                char c = (char) Le.u16(b, pos + 1);
                pos += 3;
                out.add(new TemplateNode.Fixed(EvtxText.of(EvtxValue.string(String.valueOf(c)))));
                return;
            }
            case ENTITY_REF: {
                need(5);
                pos++;
                String name = readNameReference();
                String resolved = switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> null;
                };
                out.add(new TemplateNode.Fixed(resolved != null
                        ? EvtxText.of(EvtxValue.string(resolved))
                        : new EvtxText(EvtxText.Kind.RAW, EvtxValue.string("&" + name + ";"))));
                return;
            }
            case PI_TARGET: {
                need(5);
                pos++;
                String target = readNameReference();
                String data = "";
                if (pos < end && (b[pos] & 0xFF) == PI_DATA) {
                    need(3);
                    int chars = Le.u16(b, pos + 1);
                    pos += 3;
                    need(2 * chars);
                    data = Le.utf16(b, pos, chars);
                    pos += 2 * chars;
                }
                String pi = data.isEmpty() ? "<?" + target + "?>" : "<?" + target + " " + data + "?>";
                out.add(new TemplateNode.Fixed(new EvtxText(EvtxText.Kind.RAW, EvtxValue.string(pi))));
                return;
            }
            default:
                throw new BadDataException(String.format("unexpected BinXML token 0x%02x at chunk offset 0x%x", token, at));
        }
    }

    private TemplateNode.Instance parseInstance(int depth) {
        checkDepth(depth);
        int at = pos;
        need(10);
        int definitionOffset = Le.i32(b, pos + 6);
        pos += 10;
        List<TemplateNode> definition;
        if (definitionOffset == pos) {
            need(24);
            long size = Le.u32(b, pos + 20);
            if (pos + 24 + size > b.length) {
                throw new BadDataException(String.format("template definition at chunk offset 0x%x claims %d bytes, past the chunk end", pos, size));
            }
            definition = definition(definitionOffset, depth);
            pos = definitionOffset + 24 + (int) size;
        } else {
            definition = definition(definitionOffset, depth);
        }
        need(4);
        long count = Le.u32(b, pos);
        pos += 4;
        if (count * 4 > end - pos) {
            throw new BadDataException(String.format("template instance at chunk offset 0x%x claims %d values, more than its record holds", at, count));
        }
        int n = (int) count;
        int descriptors = pos;
        pos += 4 * n;
        EvtxValue[] values = new EvtxValue[n];
        for (int i = 0; i < n; i++) {
            int size = Le.u16(b, descriptors + 4 * i);
            int type = b[descriptors + 4 * i + 2] & 0xFF;
            need(size);
            if (type == EvtxValueType.BINXML.code()) {
                List<TemplateNode> nested = parseWithEitherElementHeader(pos, pos + size, false, depth + 1);
                EvtxTemplate template = deferrable(nested, depth + 1);
                if (template != null) {
                    // filled in when someone asks for the nodes; readers working per template may not
                    values[i] = new EvtxValue(EvtxValueType.BINXML, false,
                            new TemplateInstance(template, ((TemplateNode.Instance) nested.get(0)).values()));
                } else {
                    List<EvtxNode> content = new ArrayList<>(1);
                    Instantiator.fill(nested, new EvtxValue[0], content, depth + 1);
                    values[i] = new EvtxValue(EvtxValueType.BINXML, false, List.copyOf(content));
                }
            } else {
                values[i] = ValueDecoder.decode(b, pos, size, type);
            }
            pos += size;
        }
        return new TemplateNode.Instance(definition, values);
    }

    /** The template defined at a chunk offset, parsed on first use (even if defined in a record we lost). */
    private List<TemplateNode> definition(int offset, int depth) {
        List<TemplateNode> cached = templates.get(offset);
        if (cached != null) {
            return cached;
        }
        if (offset < 0 || offset + 24 > b.length) {
            throw new BadDataException(String.format("template definition offset 0x%x lies outside the chunk", offset));
        }
        long size = Le.u32(b, offset + 20);
        if (offset + 24 + size > b.length) {
            throw new BadDataException(String.format("template definition at chunk offset 0x%x claims %d bytes, past the chunk end", offset, size));
        }
        List<TemplateNode> body = parseWithEitherElementHeader(offset + 24, offset + 24 + (int) size, true, depth + 1);
        templates.put(offset, body);
        return body;
    }

    /**
     * Reads a 4-byte name offset. When it points right behind itself the name is stored inline
     * and skipped; otherwise it was stored earlier in the chunk.
     */
    private String readNameReference() {
        need(4);
        int offset = Le.i32(b, pos);
        pos += 4;
        String name = name(offset);
        if (offset == pos) {
            pos += 8 + 2 * name.length() + 2;
            if (pos > end) {
                throw new BadDataException(String.format("inline name at chunk offset 0x%x runs past its record", offset));
            }
        }
        return name;
    }

    private String name(int offset) {
        String cached = names.get(offset);
        if (cached != null) {
            return cached;
        }
        if (offset < 0 || offset + 8 > b.length) {
            throw new BadDataException(String.format("name offset 0x%x lies outside the chunk", offset));
        }
        int chars = Le.u16(b, offset + 6);
        if (offset + 8 + 2 * chars > b.length) {
            throw new BadDataException(String.format("name at chunk offset 0x%x claims %d characters, past the chunk end", offset, chars));
        }
        String name = Le.utf16(b, offset + 8, chars);
        names.put(offset, name);
        return name;
    }

    private void need(int bytes) {
        if (bytes < 0 || pos + bytes > end) {
            throw new BadDataException(String.format("BinXML cut short at chunk offset 0x%x: %d more bytes needed, %d left", pos, bytes, end - pos));
        }
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new BadDataException("BinXML nests deeper than " + MAX_DEPTH + " levels");
        }
    }
}
