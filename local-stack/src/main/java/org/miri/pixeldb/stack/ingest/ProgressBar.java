package org.miri.pixeldb.stack.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Counts the bytes an upload reads and shows its progress: on a terminal, one line redrawn (name, bar, percent, MB/s);
 * elsewhere (a CI log, a pipe) one line at the start, every {@link #LOG_EVERY_NANOS} and at the end, because carriage
 * returns there pile up into one huge line. {@link #counter} makes the same bar for a count that is no stream (the
 * parts of an export), moved by {@link #show}, with its own detail in place of the rate.
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
    /** Shown in place of the rate ({@link #counter} bars); null for an upload. */
    private String detail;
    private String drawnDetail;
    /** Whether the line at 100 % was printed: a counter moved after that prints nothing more. */
    private boolean completed;

    /** @param terminal whether {@code out} is a terminal that understands a carriage return */
    public ProgressBar(InputStream in, String label, long total, PrintStream out, boolean terminal) {
        super(in);
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar of a count that is not read from a stream, e.g. parts done of an export's parts: {@link #show} moves it. */
    public static ProgressBar counter(String label, long total, PrintStream out, boolean terminal) {
        return new ProgressBar(InputStream.nullInputStream(), label, total, out, terminal);
    }

    /**
     * Moves a {@link #counter} bar to {@code done} of its total, with {@code detail} (e.g. rows done) after the
     * percentage; redrawn when either changed (on a terminal), logged as an upload's progress is (elsewhere).
     */
    public void show(long done, String detail) {
        boolean changed = done != this.done || !detail.equals(this.detail);
        this.done = done;
        this.detail = detail;
        if (changed || drawn < 0 && logged == Long.MIN_VALUE) {
            draw();
        }
    }

    /** Ends a terminal's redrawn line that did not reach 100 % (a failed or cancelled export), so that text follows on a line of its own. */
    public void end() {
        if (terminal && drawn >= 0 && done < total) {
            out.println();
            out.flush();
        }
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
        if (completed) {
            return;
        }
        completed = detail != null && done >= total;
        if (!terminal) {
            log();
            return;
        }
        long percent = Math.min(100, done * 100 / total);
        if (percent == drawn && (detail == null || detail.equals(drawnDetail))) {
            return;
        }
        drawn = percent;
        drawnDetail = detail;
        int filled = (int) (percent * 30 / 100);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        if (detail != null) {
            // Cleared to the line's end: a shorter detail must not leave the tail of a longer one.
            out.printf("\r%s [%-30s] %3d%% %s\u001b[K", label, "#".repeat(filled), percent, detail);
        } else {
            out.printf("\r%-40.40s [%-30s] %3d%% %6.1f MB/s", label, "#".repeat(filled), percent, done / seconds / 1e6);
        }
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
        if (detail != null) {
            out.printf("%s: %d of %d (%d%%), %s%n", label, done, total, Math.min(100, done * 100 / total), detail);
            out.flush();
            return;
        }
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        out.printf("%s: %d%% of %.1f MB uploaded, %.1f MB/s%n", label, done * 100 / total, total / 1e6,
                done / seconds / 1e6);
        out.flush();
    }
}
