package org.exhunt.hunt.read.line;

import java.io.IOException;
import java.io.InputStream;

/**
 * Transcodes UTF-16 to UTF-8 on the fly, so that one byte-level line splitter serves every
 * encoding. Unpaired surrogates become U+FFFD (three UTF-8 bytes for one UTF-16 unit), which
 * keeps the mapping back to original offsets simple: see {@link LineSource}.
 */
final class Utf16ToUtf8Stream extends InputStream {

    private final InputStream in;
    private final boolean littleEndian;
    private final byte[] raw = new byte[64 * 1024];
    private int rawPos;
    private int rawLimit;
    private boolean eof;
    private final byte[] out = new byte[4];
    private int outPos;
    private int outLimit;

    Utf16ToUtf8Stream(InputStream in, boolean littleEndian) {
        this.in = in;
        this.littleEndian = littleEndian;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        if (len == 0) return 0;
        int written = 0;
        while (written < len) {
            if (outPos < outLimit) {
                dst[off + written++] = out[outPos++];
                continue;
            }
            int unit = nextUnit();
            if (unit < 0) break;
            if (unit < 0x80) {
                dst[off + written++] = (byte) unit;
                continue;
            }
            encode(unit);
        }
        return written == 0 ? -1 : written;
    }

    private void encode(int unit) throws IOException {
        int cp = unit;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            int low = peekUnit();
            if (low >= 0xDC00 && low <= 0xDFFF) {
                nextUnit();
                cp = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            } else {
                cp = 0xFFFD;
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            cp = 0xFFFD;
        }
        outPos = 0;
        if (cp < 0x800) {
            out[0] = (byte) (0xC0 | cp >> 6);
            out[1] = (byte) (0x80 | cp & 0x3F);
            outLimit = 2;
        } else if (cp < 0x10000) {
            out[0] = (byte) (0xE0 | cp >> 12);
            out[1] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[2] = (byte) (0x80 | cp & 0x3F);
            outLimit = 3;
        } else {
            out[0] = (byte) (0xF0 | cp >> 18);
            out[1] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[2] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[3] = (byte) (0x80 | cp & 0x3F);
            outLimit = 4;
        }
    }

    private int peekUnit() throws IOException {
        if (!fill()) return -1;
        return unitAt(rawPos);
    }

    private int nextUnit() throws IOException {
        if (!fill()) return -1;
        int u = unitAt(rawPos);
        rawPos += 2;
        return u;
    }

    private int unitAt(int i) {
        int a = raw[i] & 0xFF;
        int b = raw[i + 1] & 0xFF;
        return littleEndian ? a | b << 8 : a << 8 | b;
    }

    /** Ensures two raw bytes are available; a dangling odd last byte is dropped. */
    private boolean fill() throws IOException {
        if (rawLimit - rawPos >= 2) return true;
        if (eof) return false;
        int rest = rawLimit - rawPos;
        System.arraycopy(raw, rawPos, raw, 0, rest);
        rawPos = 0;
        rawLimit = rest;
        while (rawLimit < 2) {
            int n = in.read(raw, rawLimit, raw.length - rawLimit);
            if (n < 0) {
                eof = true;
                return false;
            }
            rawLimit += n;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
