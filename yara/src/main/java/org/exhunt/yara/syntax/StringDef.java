package org.exhunt.yara.syntax;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A definition in a rule's {@code strings:} section. The identifier keeps its {@code $}; "$" alone is anonymous. */
public sealed interface StringDef permits StringDef.Text, StringDef.Hex, StringDef.RegexString {

    String id();

    Modifiers modifiers();

    Position pos();

    default boolean isAnonymous() {
        return id().equals("$");
    }

    /** {@code $a = "text"}: the value holds the decoded bytes, one char per byte. */
    record Text(String id, String value, Modifiers modifiers, Position pos) implements StringDef {

        public byte[] bytes() {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** {@code $a = { 4D 5A ?? [2-4] ( 90 | 91 ) }}. */
    record Hex(String id, List<HexToken> tokens, Modifiers modifiers, Position pos) implements StringDef {

        public Hex {
            tokens = List.copyOf(tokens);
        }

        /** The hex string as it reads between the braces, in a normalized spacing. */
        public String source() {
            return SourcePrinter.hex(tokens);
        }
    }

    /** {@code $a = /re/is}. */
    record RegexString(String id, Regex regex, Modifiers modifiers, Position pos) implements StringDef {
    }
}
