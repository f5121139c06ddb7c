package org.miri.pixeldb.stack.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.apibench.LatencySummary;
import org.miri.pixeldb.stack.apibench.PixelSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apibench", mixinStandardHelpOptions = true, description = "Measures the query API of the running stack:"
        + " GET /api/v1/pixels/DETECTOR/ROW/COL (a pixel's whole life) for random pixels of the loaded exposures, one"
        + " request at a time after a warm-up, and prints p50, p90, p99 and max latency. Exit code 1 if any request"
        + " fails.")
final class ApiBenchCommand implements Callable<Integer> {

    @Option(names = "--requests", defaultValue = "2000", description = "Measured requests; default ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--warmup", defaultValue = "300", description = "Requests before measuring; default ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the pixel choice; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--query", defaultValue = "", description = "Query string added to every request, e.g. include=slopes.")
    String query;

    @Option(names = "--data-dir", defaultValue = "${env:PIXELDB_DATA_DIR}", description = "The stack's data directory (env PIXELDB_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        StackState state = IngestCommand.running(dataDir);
        List<PixelSample.Extent> exposures;
        try (Connection db = DriverManager.getConnection(state.jdbc())) {
            exposures = PixelSample.loadedExposures(db);
        }
        if (exposures.isEmpty()) {
            System.err.println("apibench: no exposure is loaded; ingest some first (./pixeldb ingest or bench)");
            return 1;
        }
        List<String> paths = PixelSample.paths(exposures, warmup + requests, seed);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long[] latencies = new long[requests];
        long bytes = 0;
        long started = System.nanoTime();
        for (int i = 0; i < paths.size(); i++) {
            String url = state.api() + paths.get(i) + (query.isBlank() ? "" : "?" + query);
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                System.err.println("apibench: " + url + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
                return 1;
            }
            if (i == warmup) {
                started = t0;
            }
            if (i >= warmup) {
                latencies[i - warmup] = elapsed;
                bytes += response.body().length;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LatencySummary s = LatencySummary.of(latencies);
        System.out.printf("GET /api/v1/pixels/{detector}/{row}/{col}%s over %d loaded exposures: %d requests"
                + " (after %d warm-up), one at a time%n", query.isBlank() ? "" : "?" + query, exposures.size(),
                s.count(), warmup);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f; %.0f requests/s, %.1f kB"
                + " per response%n", s.p50(), s.p90(), s.p99(), s.max(), s.mean(), s.count() / seconds,
                bytes / 1024.0 / s.count());
        return 0;
    }
}
