package org.miri.pixeldb.api.health;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on until a limit, then refuses: an upload is never written beyond what it may be. */
final class BoundedOutput extends FilterOutputStream {

    /** The stream went past its limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long written;

    BoundedOutput(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(int bytes) throws TooLarge {
        written += bytes;
        if (written > limit) {
            throw new TooLarge(limit);
        }
    }
}
