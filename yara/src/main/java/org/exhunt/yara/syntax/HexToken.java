package org.exhunt.yara.syntax;

import java.util.List;

/** One element of a hex string. */
public sealed interface HexToken permits HexToken.Byte, HexToken.Jump, HexToken.Alternation {

    /**
     * A byte compared under a mask: {@code 4D} is value 0x4D mask 0xFF, {@code ?D} is 0x0D/0x0F,
     * {@code 4?} is 0x40/0xF0, {@code ??} is 0/0. {@code negated} ({@code ~4D}) matches any other byte.
     */
    record Byte(int value, int mask, boolean negated) implements HexToken {

        public Byte {
            if ((value & ~mask) != 0 || mask < 0 || mask > 0xFF) {
                throw new IllegalArgumentException("value " + value + " has bits outside mask " + mask);
            }
        }

        public boolean matches(int b) {
            return ((b & mask) == value) != negated;
        }
    }

    /** {@code [min-max]} bytes of anything; {@code max} is -1 when unbounded ({@code [n-]}, {@code [-]}). */
    record Jump(int min, int max) implements HexToken {

        public boolean unbounded() {
            return max < 0;
        }
    }

    /** {@code ( a | b | ... )}: each alternative is a sequence of tokens. */
    record Alternation(List<List<HexToken>> alternatives) implements HexToken {

        public Alternation {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }
    }
}
