package org.miri.pixeldb.stack.cli;

import java.io.IOException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.apibench.LatencySummary;
import org.miri.pixeldb.stack.apibench.PixelSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apibench", mixinStandardHelpOptions = true, description = "Measures the query API of the running stack:"
        + " GET /api/v1/pixels/DETECTOR/ROW/COL (a pixel's whole life) for random pixels of the loaded exposures, from"
        + " --clients concurrent clients after a warm-up, and prints p50, p90, p95, p99 and max latency and requests/s."
        + " Exit code 1 if any request fails.")
final class ApiBenchCommand implements Callable<Integer> {

    @Option(names = "--requests", defaultValue = "2000", description = "Measured requests; default ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--warmup", defaultValue = "300", description = "Requests before measuring; default ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the pixel choice; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--query", defaultValue = "", description = "Query string added to every request, e.g. include=slopes.")
    String query;

    @Option(names = "--clients", defaultValue = "1", description = "Concurrent clients, each sending its next request "
            + "when the last one answered; default ${DEFAULT-VALUE}.")
    int clients;

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
        for (int i = 0; i < warmup; i++) {
            if (send(http, state.api() + paths.get(i)) == null) {
                return 1;
            }
        }
        long[] latencies = new long[requests];
        AtomicLong bytes = new AtomicLong();
        AtomicInteger next = new AtomicInteger(warmup);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < paths.size() && failed.get() == 0; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    byte[] body = send(http, state.api() + paths.get(i));
                    latencies[i - warmup] = System.nanoTime() - t0;
                    if (body == null) {
                        failed.incrementAndGet();
                    } else {
                        bytes.addAndGet(body.length);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (failed.get() > 0) {
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LatencySummary s = LatencySummary.of(latencies);
        System.out.printf("GET /api/v1/pixels/{detector}/{row}/{col}%s over %d loaded exposures: %d requests"
                + " (after %d warm-up) from %d concurrent client(s)%n", query.isBlank() ? "" : "?" + query,
                exposures.size(), s.count(), warmup, clients);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p95 %.2f  p99 %.2f  max %.2f  mean %.2f; %.0f requests/s,"
                + " %.1f kB per response%n", s.p50(), s.p90(), s.p95(), s.p99(), s.max(), s.mean(), s.count() / seconds,
                bytes.get() / 1024.0 / s.count());
        return 0;
    }

    /** The body of a 200 answer; null, after saying why, for anything else. */
    private byte[] send(HttpClient http, String url) {
        String full = url + (query.isBlank() ? "" : "?" + query);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(full)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return response.body();
            }
            System.err.println("apibench: " + full + " answered " + response.statusCode() + ": " + new String(response.body()));
        } catch (IOException | InterruptedException e) {
            System.err.println("apibench: " + full + " failed: " + e);
        }
        return null;
    }
}
