package org.exhunt.hunt.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than a set number of bytes has come out of a decompressing stream: the
 * sizes an archive declares can lie, and the real bytes are what a bomb is made of.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long count;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) check(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) check(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) check(s);
        return s;
    }

    private void check(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new IOException(what + " expands past " + limit + " bytes — stopped (zip bomb?)");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
