package org.exhunt.sigma;

/**
 * A field value seen in place, as the UTF-8 bytes {@code bytes[start, end)} of a buffer the
 * event owns: the fast path of literal prefiltering, which needs no {@link String}.
 *
 * <p>A mutable holder, reused from event to event by one thread; {@link SigmaEvent#slice}
 * fills it in. With {@link #plusIsSpace}, every {@code +} byte stands for a space (IIS logs
 * write the spaces of a user agent that way).
 */
public final class ByteSlice {

    public byte[] bytes;
    public int start;
    public int end;
    public boolean plusIsSpace;

    /** Points the slice at {@code bytes[start, end)}; returns true, for the caller's convenience. */
    public boolean set(byte[] bytes, int start, int end, boolean plusIsSpace) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.plusIsSpace = plusIsSpace;
        return true;
    }

    /** An empty slice: the field's value is null. */
    public boolean setEmpty() {
        this.start = 0;
        this.end = 0;
        this.plusIsSpace = false;
        return true;
    }

    public boolean isEmpty() {
        return end <= start;
    }

    /** The value as text, decoded as {@link SigmaEvent#slice} defines it, or null when empty. */
    public String decode() {
        if (isEmpty()) return null;
        String s = new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
        return plusIsSpace ? s.replace('+', ' ') : s;
    }
}
