package org.miri.pixeldb.stack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.ingest.BucketUpload;
import org.miri.pixeldb.stack.ingest.DatabaseBytes;
import org.miri.pixeldb.stack.ingest.HeapSampler;
import org.miri.pixeldb.stack.ingest.IngestLogWatch;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.Product;
import org.miri.pixeldb.stack.synth.Subarray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Drops the files of a synthetic exposure into "
        + "the running stack and reports, per product and in total, the time from the end of its upload to LOADED, "
        + "MB/s, ramps/s, database bytes against FITS bytes, and the services' peak heap. Exit code 0 when all loaded.")
final class BenchCommand implements Callable<Integer> {

    private static final List<String> SERVICES = List.of("fits-splitter", "ramp-writer", "corrected-writer");

    @Option(names = "--subarray", defaultValue = "FULL", description = "Subarray; default ${DEFAULT-VALUE}.")
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

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for all products; default ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--data-dir", defaultValue = "${env:PIXELDB_DATA_DIR}", description = "The stack's data directory (env PIXELDB_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        StackState state = IngestCommand.running(dataDir);
        Path folder = Files.createDirectories(StackLayout.of(dataDir).root().resolve("bench"));
        long seed = Instant.now().getEpochSecond();
        ExposureSpec spec = new ExposureSpec(String.format("BENCH_%s_%dx%d_s%d", subarray, nints, ngroups, seed),
                subarray, nints, ngroups, "MIRIMAGE", seed);
        Map<Product, Path> files = ExposureFiles.write(spec, layout, products, !noErr, folder);
        try (Connection db = DriverManager.getConnection(state.jdbc());
             HeapSampler heap = new HeapSampler(metrics(state));
             BucketUpload upload = new BucketUpload(state)) {
            DatabaseBytes database = new DatabaseBytes(db);
            long before = database.total();
            List<ProductRun> runs = new ArrayList<>();
            for (Product product : products) {
                Path file = files.get(product);
                if (file != null) {
                    String key = upload.put(file, "bench/", System.out);
                    runs.add(new ProductRun(product, key, Files.size(file), System.nanoTime()));
                }
            }
            ProductRun.awaitAll(runs, new IngestLogWatch(db), System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds));
            long growth = database.total() - before;
            for (ProductRun run : runs) {
                run.databaseBytes = database.ofProduct(spec.name(), run.product.databaseKind());
            }
            System.out.printf("exposure %s (%s, %d x %d, %s layout)%n", spec.name(), subarray, nints, ngroups, layout);
            new BenchReport(System.out).print(runs, (long) nints * subarray.subsize1 * subarray.subsize2, growth, heap.peaks());
            return runs.stream().allMatch(ProductRun::loaded) ? 0 : 1;
        } finally {
            for (Path file : files.values()) {
                Files.deleteIfExists(file);
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
