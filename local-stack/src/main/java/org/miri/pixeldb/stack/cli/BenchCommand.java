package org.miri.pixeldb.stack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.ingest.BucketUpload;
import org.miri.pixeldb.stack.ingest.HeapSampler;
import org.miri.pixeldb.stack.ingest.IngestLogWatch;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.JplRawLayout;
import org.miri.pixeldb.stack.synth.JwstRawLayout;
import org.miri.pixeldb.stack.synth.Subarray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Drops a synthetic exposure into the running stack and reports the time from the "
        + "end of the upload to LOADED, ramps/s, MB/s, database bytes against FITS bytes, and the services' peak heap.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--subarray", defaultValue = "FULL", description = "Subarray; default ${DEFAULT-VALUE}.")
    Subarray subarray;

    @Option(names = "--nints", defaultValue = "5", description = "Integrations; default ${DEFAULT-VALUE}.")
    int nints;

    @Option(names = "--ngroups", defaultValue = "20", description = "Groups; default ${DEFAULT-VALUE}.")
    int ngroups;

    @Option(names = "--layout", defaultValue = "JWST", description = "JWST or JPL; default ${DEFAULT-VALUE}.")
    SynthCommand.Layout layout;

    @Option(names = "--data-dir", defaultValue = "${env:PIXELDB_DATA_DIR}", description = "The stack's data directory (env PIXELDB_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        StackState state = IngestCommand.running(dataDir);
        Path folder = Files.createDirectories(StackLayout.of(dataDir).root().resolve("bench"));
        long seed = Instant.now().getEpochSecond();
        ExposureSpec spec = new ExposureSpec(String.format("BENCH_%s_%dx%d_s%d", subarray, nints, ngroups, seed),
                subarray, nints, ngroups, "MIRIMAGE", seed);
        Path file = layout == SynthCommand.Layout.JWST ? JwstRawLayout.write(spec, folder) : JplRawLayout.write(spec, folder);
        long fileBytes = Files.size(file);
        try (Connection db = DriverManager.getConnection(state.jdbc());
             HeapSampler heap = new HeapSampler(Map.of(
                     "fits-splitter", state.services().get("fits-splitter").url() + "/q/metrics",
                     "ramp-writer", state.services().get("ramp-writer").url() + "/q/metrics"));
             BucketUpload upload = new BucketUpload(state)) {
            long before = databaseBytes(db);
            String key = upload.put(file, "bench/", System.out);
            long uploaded = System.nanoTime();
            var outcome = new IngestLogWatch(db).await(key, Duration.ofMinutes(10))
                    .orElseThrow(() -> new IllegalStateException(key + " was not loaded within 10 minutes"));
            double seconds = (System.nanoTime() - uploaded) / 1e9;
            long ramps = (long) nints * subarray.subsize1 * subarray.subsize2;
            long databaseBytes = databaseBytes(db) - before;
            System.out.printf("%s: %s%n", outcome.state(), outcome.reason());
            System.out.printf("exposure            %s (%s, %d x %d, %s layout)%n", spec.name(), subarray, nints, ngroups, layout);
            System.out.printf("FITS bytes          %,d%n", fileBytes);
            System.out.printf("upload end → LOADED %.2f s%n", seconds);
            System.out.printf("science ramps/s     %,.0f (%,d ramps)%n", ramps / seconds, ramps);
            System.out.printf("MB/s                %.1f%n", fileBytes / seconds / 1e6);
            System.out.printf("database bytes      %,d (%.2fx the file)%n", databaseBytes, (double) databaseBytes / fileBytes);
            heap.peaks().forEach((service, bytes) -> System.out.printf("peak heap %-14s %,d MB%n", service, bytes >> 20));
            return outcome.loaded() ? 0 : 1;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long databaseBytes(Connection db) throws Exception {
        try (ResultSet row = db.createStatement().executeQuery("select pg_database_size(current_database())")) {
            row.next();
            return row.getLong(1);
        }
    }
}
