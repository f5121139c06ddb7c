package org.miri.pixeldb.stack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.ingest.BucketUpload;
import org.miri.pixeldb.stack.ingest.CopyFloor;
import org.miri.pixeldb.stack.ingest.DatabaseBytes;
import org.miri.pixeldb.stack.ingest.HealthWatch;
import org.miri.pixeldb.stack.ingest.HeapSampler;
import org.miri.pixeldb.stack.ingest.IngestLogWatch;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.Product;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Drops the files of a synthetic exposure into "
        + "the running stack and reports, per product and in total, the time from the end of its upload to LOADED, "
        + "MB/s, ramps/s, database bytes against FITS bytes, the ratio to PostgreSQL's own COPY of the same bytes "
        + "(the floor), and the services' peak heap; with --files, the given "
        + "files instead. Exit code 0 when all loaded.")
final class BenchCommand implements Callable<Integer> {

    private static final List<String> SERVICES = List.of("fits-splitter", "ramp-writer", "corrected-writer");

    @Option(names = "--subarray", defaultValue = "FULL", converter = SubarrayOption.class, description = "Subarray; default ${DEFAULT-VALUE}.")
    Subarray subarray;

    @Option(names = "--nints", defaultValue = "5", description = "Integrations; default ${DEFAULT-VALUE}.")
    int nints;

    @Option(names = "--ngroups", defaultValue = "20", description = "Groups; default ${DEFAULT-VALUE}.")
    int ngroups;

    @Option(names = "--layout", defaultValue = "JWST", description = "JWST or JPL; default ${DEFAULT-VALUE}.")
    SynthCommand.Layout layout;

    @Option(names = "--products", split = ",", defaultValue = "uncal", converter = ExposureFiles.ProductName.class,
            paramLabel = "PRODUCT", description = "Products to upload, in this order, comma-separated: uncal, ramp, "
            + "rateints (only when --nints > 1), rate; default ${DEFAULT-VALUE}.")
    Set<Product> products;

    @Option(names = "--no-err", description = "Upload X_ramp.fits without its ERR extension.")
    boolean noErr;

    @Option(names = "--files", split = ",", paramLabel = "FILE", description = "Drop these FITS files of one exposure "
            + "instead of a synthetic one (e.g. the four shared SUB64 files, comma-separated), in this order; an "
            + "exposure already holding any of them is deleted first, so that they load afresh. A second raw file "
            + "of the exposure (JPL raw and _pipe) is compared with the first once loaded: LOADED when identical.")
    List<Path> given = List.of();

    @Option(names = "--no-floor", description = "Skip measuring the COPY floor (PostgreSQL's own COPY BINARY of each "
            + "file's bytes into a scratch table, before the uploads) and the ratios to it.")
    boolean noFloor;

    @Option(names = "--health-timeout", defaultValue = "30", description = "Seconds to wait, once all products are "
            + "LOADED, for the exposure's detector health to be queryable (reported as the time from the last LOADED); "
            + "0 skips it, e.g. with pixeldb.api.health-enabled=false; default ${DEFAULT-VALUE}.")
    int healthTimeoutSeconds;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for all products; default ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Mixin
    StackDirectory stack;

    @Override
    public Integer call() throws Exception {
        StackState state = stack.running();
        Path folder = Files.createDirectories(stack.layout().root().resolve("bench"));
        long seed = Instant.now().getEpochSecond();
        ExposureSpec spec = new ExposureSpec(String.format("BENCH_%s_%dx%d_s%d", subarray.name(), nints, ngroups, seed),
                subarray, nints, ngroups, "MIRIMAGE", seed);
        Map<Path, Product> files = new LinkedHashMap<>();
        if (given.isEmpty()) {
            ExposureFiles.write(spec, layout, products, !noErr, folder).forEach((product, file) -> files.put(file, product));
        } else {
            given.forEach(file -> files.put(file, GivenFiles.product(file)));
        }
        String exposure = given.isEmpty() ? spec.name() : GivenFiles.exposure(given.get(0));
        try (Connection db = DriverManager.getConnection(state.jdbc());
             HeapSampler heap = new HeapSampler(metrics(state));
             BucketUpload upload = new BucketUpload(state)) {
            if (!given.isEmpty() && GivenFiles.forget(db, given) > 0) {
                System.out.println("deleted exposure " + exposure + " first, so that its files load afresh");
            }
            // The floor first, on the idle server: the same bytes as each file, by PostgreSQL alone.
            Map<Path, Double> floors = new LinkedHashMap<>();
            if (!noFloor) {
                CopyFloor floor = new CopyFloor(db);
                for (Path file : files.keySet()) {
                    floors.put(file, floor.seconds(Files.size(file)));
                }
            }
            DatabaseBytes database = new DatabaseBytes(db);
            long before = database.total();
            List<ProductRun> runs = new ArrayList<>();
            for (Map.Entry<Path, Product> file : files.entrySet()) {
                // A fresh prefix per run: the splitter processes each object version once.
                String key = upload.put(file.getKey(), "bench/" + seed + "/", System.out);
                ProductRun run = new ProductRun(file.getValue(), key, Files.size(file.getKey()), System.nanoTime());
                run.floorSeconds = java.util.Optional.ofNullable(floors.get(file.getKey()));
                runs.add(run);
            }
            ProductRun.awaitAll(runs, new IngestLogWatch(db, upload.etags()),
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds));
            Optional<Double> health = Optional.empty();
            if (healthTimeoutSeconds > 0 && given.isEmpty() && runs.stream().allMatch(ProductRun::loaded)) {
                health = new HealthWatch(db).awaitHealth(exposure, Duration.ofSeconds(healthTimeoutSeconds));
            }
            long growth = database.total() - before;
            for (ProductRun run : runs) {
                if (run.loaded()) {
                    run.databaseBytes = database.ofProduct(exposure, run.product.databaseKind());
                }
            }
            System.out.printf("exposure %s (%s)%n", exposure, given.isEmpty()
                    ? String.format("%s, %d x %d, %s layout", subarray.name(), nints, ngroups, layout) : "given files");
            new BenchReport(System.out).print(runs, ramps(db, exposure), growth, heap.peaks());
            if (healthTimeoutSeconds > 0 && given.isEmpty()) {
                System.out.println(health.map(s -> String.format("health queryable %.2f s after the last LOADED", s))
                        .orElse("health not queryable within " + healthTimeoutSeconds + " s of the last LOADED"
                                + " (pixeldb.api.health-enabled=false?)"));
            }
            return runs.stream().allMatch(r -> given.isEmpty() ? r.loaded() : r.outcome != null) ? 0 : 1;
        } finally {
            if (given.isEmpty()) {
                for (Path file : files.keySet()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static long ramps(Connection db, String exposure) throws java.sql.SQLException {
        try (var query = db.prepareStatement("select nints * subsize1 * subsize2 from exposure where name = ?")) {
            query.setString(1, exposure);
            try (var row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static Map<String, String> metrics(StackState state) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : SERVICES) {
            if (state.services().containsKey(service)) {
                urls.put(service, state.services().get(service).url() + "/q/metrics");
            }
        }
        return urls;
    }
}
