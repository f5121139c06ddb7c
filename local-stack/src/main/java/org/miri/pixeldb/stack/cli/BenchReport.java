package org.miri.pixeldb.stack.cli;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import org.miri.pixeldb.stack.synth.Product;

/** Prints a benchmark's figures: one line per product, then the whole exposure and the peak heaps. */
final class BenchReport {

    private final PrintStream out;

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void print(Collection<ProductRun> runs, long ramps, long databaseGrowth, Map<String, Long> heapPeaks) {
        out.printf("%-9s %-11s %20s %10s %8s %15s %15s %7s %7s %12s%n", "product", "state", "upload end → final",
                "COPY floor", "x floor", "FITS bytes", "database bytes", "x file", "MB/s", "ramps/s");
        double floorTotal = 0;
        long fileBytes = 0;
        long firstUpload = Long.MAX_VALUE;
        long lastUpload = Long.MIN_VALUE;
        long lastFinal = Long.MIN_VALUE;
        for (ProductRun run : runs) {
            fileBytes += run.fileBytes;
            firstUpload = Math.min(firstUpload, run.uploadedAt);
            lastUpload = Math.max(lastUpload, run.uploadedAt);
            lastFinal = Math.max(lastFinal, run.finishedAt);
            // Rates only for loaded products: a rejection's speed says nothing about loading.
            boolean carriesRamps = run.loaded() && (run.product == Product.UNCAL || run.product == Product.RAMP);
            floorTotal += run.floorSeconds.orElse(Double.NaN);
            out.printf("%-9s %-11s %18.2f s %8s %8s %,15d %15s %7s %7s %12s  %s%n", run.product,
                    run.outcome == null ? "WAITING" : run.outcome.state(), run.seconds(),
                    run.floorSeconds.map(f -> String.format("%.2f s", f)).orElse("-"),
                    run.floorSeconds.filter(f -> run.loaded()).map(f -> String.format("%.2fx", run.seconds() / f))
                            .orElse("-"),
                    run.fileBytes,
                    run.databaseBytes.map(b -> String.format("%,d", b)).orElse("-"),
                    run.databaseBytes.map(b -> String.format("%.2fx", (double) b / run.fileBytes)).orElse("-"),
                    run.loaded() ? String.format("%.1f", run.fileBytes / run.seconds() / 1e6) : "-",
                    carriesRamps ? String.format("%,.0f", ramps / run.seconds()) : "-",
                    run.outcome == null ? "no final state in time" : run.outcome.reason());
        }
        double seconds = (lastFinal - firstUpload) / 1e9;
        long loaded = runs.stream().filter(ProductRun::loaded).count();
        // With a product not loaded, the ratio and the speed over all files would flatter or mislead: left out.
        boolean all = loaded == runs.size();
        boolean floored = all && !Double.isNaN(floorTotal);
        out.printf("%-9s %-11s %18.2f s %8s %8s %,15d %,15d %7s %7s   (from the first upload's end to the last final "
                + "state; database: growth of pg_database_size)%n", "all", loaded + "/" + runs.size() + " LOADED",
                seconds, floored ? String.format("%.2f s", floorTotal) : "-",
                floored ? String.format("%.2fx", seconds / floorTotal) : "-", fileBytes, databaseGrowth, all ? String.format("%.2fx", (double) databaseGrowth / fileBytes) : "-",
                all ? String.format("%.1f", fileBytes / seconds / 1e6) : "-");
        if (runs.size() > 1) {
            // A drop of several files is done when its last file is: what a user waits for after the last upload.
            out.printf("last upload's end → last final state: %.2f s%n", (lastFinal - lastUpload) / 1e9);
        }
        out.println("database bytes per product: its own rows and index entries; COPY floor: PostgreSQL's own COPY "
                + "BINARY of the file's bytes as 1,800-byte bytea rows into a scratch table of the same server, committed "
                + "(the limit of any load; all: the sum)");
        new java.util.TreeMap<>(heapPeaks).forEach((service, bytes) -> out.printf("peak heap %-16s %,d MB%n", service, bytes >> 20));
    }
}
