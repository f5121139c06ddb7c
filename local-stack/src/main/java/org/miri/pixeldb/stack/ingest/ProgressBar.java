package org.miri.pixeldb.stack.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/** Counts the bytes an upload reads and redraws one terminal line: name, bar, percent, MB/s. */
public final class ProgressBar extends FilterInputStream {

    private final String label;
    private final long total;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long done;
    private long drawn = -1;

    public ProgressBar(InputStream in, String label, long total, PrintStream out) {
        super(in);
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            done += n;
            draw();
        }
        return n;
    }

    private void draw() {
        long percent = done * 100 / total;
        if (percent == drawn) {
            return;
        }
        drawn = percent;
        int filled = (int) (percent * 30 / 100);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        out.printf("\r%-40.40s [%-30s] %3d%% %6.1f MB/s", label, "#".repeat(filled), percent, done / seconds / 1e6);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
