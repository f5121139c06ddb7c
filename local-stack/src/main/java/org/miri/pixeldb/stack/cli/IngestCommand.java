package org.miri.pixeldb.stack.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.ingest.BucketUpload;
import org.miri.pixeldb.stack.ingest.IngestLogWatch;
import org.miri.pixeldb.stack.ingest.StatusProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", description = "Uploads FITS files into the running stack's bucket with a progress bar, waits "
        + "until each is loaded or rejected, showing the API's ingest status (LOADING n of m chunks) meanwhile, and "
        + "prints one line per file. Exit code 0 when all loaded.")
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "FITS files to ingest.")
    List<Path> files;

    @Option(names = "--prefix", defaultValue = "", description = "Key prefix in the bucket, e.g. jpl8/.")
    String prefix;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for each file; default ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Mixin
    StackDirectory stack;

    private String bucket;

    @Override
    public Integer call() throws Exception {
        StackState state = stack.running();
        bucket = state.s3().bucket();
        List<String> keys = new ArrayList<>();
        java.util.Map<String, String> etags;
        try (BucketUpload upload = new BucketUpload(state)) {
            for (Path file : files) {
                keys.add(upload.put(file, prefix, System.out));
            }
            etags = upload.etags();
        }
        boolean allLoaded = true;
        try (Connection db = DriverManager.getConnection(state.jdbc())) {
            // The outcome of the versions just uploaded, not of an earlier file under the same key.
            IngestLogWatch watch = new IngestLogWatch(db, etags);
            StatusProgress progress = new StatusProgress(state.api());
            for (String key : keys) {
                var outcome = await(watch, progress, key);
                if (outcome.isEmpty()) {
                    System.out.printf("WAITING  %s  no final state within %d s; see ./pixeldb status%n", key, timeoutSeconds);
                }
                outcome.ifPresent(o -> System.out.printf("%-8s %s  exposure %s  %.1f s  %s%n", o.state(), o.key(),
                        o.exposure(), o.seconds(), o.reason()));
                allLoaded &= outcome.map(IngestLogWatch.Outcome::loaded).orElse(false);
            }
        }
        return allLoaded ? 0 : 1;
    }

    /** The final state from the ingest log; meanwhile, each change of the API's progress (LOADING n of m) on a line. */
    private java.util.Optional<IngestLogWatch.Outcome> await(IngestLogWatch watch, StatusProgress progress, String key)
            throws java.sql.SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        String shown = "";
        while (System.nanoTime() < deadline) {
            var outcome = watch.check(key);
            if (outcome.isPresent()) {
                return outcome;
            }
            String now = progress.of(bucket + "/" + key).orElse(shown);
            if (!now.equals(shown)) {
                System.out.printf("         %s  %s%n", key, now);
                shown = now;
            }
            Thread.sleep(500);
        }
        return java.util.Optional.empty();
    }
}
