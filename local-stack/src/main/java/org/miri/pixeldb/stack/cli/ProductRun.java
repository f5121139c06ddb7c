package org.miri.pixeldb.stack.cli;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import org.miri.pixeldb.stack.ingest.IngestLogWatch;
import org.miri.pixeldb.stack.synth.Product;

/** One uploaded product of a benchmark: when its upload ended, and what became of it and when. */
final class ProductRun {

    final Product product;
    final String key;
    final long fileBytes;
    final long uploadedAt;
    IngestLogWatch.Outcome outcome;
    long finishedAt;
    /** The product's share of the database, empty when it is not in it. */
    Optional<Long> databaseBytes = Optional.empty();
    /** PostgreSQL's own COPY of as many bytes (CopyFloor), empty when not measured. */
    Optional<Double> floorSeconds = Optional.empty();

    ProductRun(Product product, String key, long fileBytes, long uploadedAt) {
        this.product = product;
        this.key = key;
        this.fileBytes = fileBytes;
        this.uploadedAt = uploadedAt;
    }

    double seconds() {
        return (finishedAt - uploadedAt) / 1e9;
    }

    boolean loaded() {
        return outcome != null && outcome.loaded();
    }

    /**
     * Polls the ingest log for every run until each has a final state or the deadline passes; products
     * finish in any order, so each is asked in turn and timed when first seen final.
     */
    static void awaitAll(Collection<ProductRun> runs, IngestLogWatch watch, long deadline)
            throws SQLException, InterruptedException {
        while (runs.stream().anyMatch(r -> r.outcome == null) && System.nanoTime() < deadline) {
            for (ProductRun run : runs) {
                if (run.outcome == null) {
                    Optional<IngestLogWatch.Outcome> outcome = watch.check(run.key);
                    run.finishedAt = System.nanoTime();
                    run.outcome = outcome.orElse(null);
                }
            }
            // Often enough that the watch adds little to a SUB64 drop's second (issue 18), cheap for the server.
            Thread.sleep(25);
        }
    }
}
