package org.miri.pixeldb.stack.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Counts the bytes an upload reads and shows its progress: on a terminal, one line redrawn (name, bar, percent, MB/s);
 * elsewhere (a CI log, a pipe) one line at the start, every {@link #LOG_EVERY_NANOS} and at the end, because carriage
 * returns there pile up into one huge line.
 */
public final class ProgressBar extends FilterInputStream {

    static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long done;
    private long drawn = -1;
    private final boolean terminal;
    private long logged = Long.MIN_VALUE;

    /** @param terminal whether {@code out} is a terminal that understands a carriage return */
    public ProgressBar(InputStream in, String label, long total, PrintStream out, boolean terminal) {
        super(in);
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether standard output is a terminal (neither redirected nor piped). */
    public static boolean stdoutIsTerminal() {
        return System.console() != null;
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
        if (!terminal) {
            log();
            return;
        }
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

    private void log() {
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!finished && logged != Long.MIN_VALUE && now - logged < LOG_EVERY_NANOS) {
            return;
        }
        logged = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        out.printf("%s: %d%% of %.1f MB uploaded, %.1f MB/s%n", label, done * 100 / total, total / 1e6,
                done / seconds / 1e6);
        out.flush();
    }
}
