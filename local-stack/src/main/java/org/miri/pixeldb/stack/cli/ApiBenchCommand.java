package org.miri.pixeldb.stack.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.apibench.DatabaseState;
import org.miri.pixeldb.stack.apibench.LatencySummary;
import org.miri.pixeldb.stack.apibench.PixelSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apibench", mixinStandardHelpOptions = true, description = "Measures the query API of the running stack:"
        + " GET /api/v1/pixels/DETECTOR/ROW/COL (a pixel's whole life), or with --endpoint HEALTH its health over"
        + " time (.../health), for random pixels of the loaded exposures, from"
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

    @Option(names = "--rate", defaultValue = "0", description = "Requests per second offered in all, on a fixed schedule"
            + " (open loop: a request's latency counts from when it was due, so a server falling behind shows as"
            + " latency, not as fewer requests); 0, the default: each client sends as soon as its last request answered.")
    double rate;

    @Option(names = "--prewarm", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Read the"
            + " tables and indexes a pixel's life needs into PostgreSQL's buffers first (pg_prewarm), to measure the"
            + " steady state; --no-prewarm measures whatever the buffers hold. Default on.")
    boolean prewarm;

    /** What is asked of each pixel. */
    enum Endpoint {
        LIFE(""), HEALTH("/health");

        final String suffix;

        Endpoint(String suffix) {
            this.suffix = suffix;
        }
    }

    @Option(names = "--endpoint", defaultValue = "LIFE", description = "LIFE (the pixel's ramps and slopes) or HEALTH"
            + " (its states in every evaluated exposure and their timeline); default ${DEFAULT-VALUE}.")
    Endpoint endpoint;

    @Mixin
    StackDirectory stack;

    @Override
    public Integer call() throws Exception {
        StackState state = stack.running();
        List<PixelSample.Extent> exposures;
        String database;
        try (Connection db = DriverManager.getConnection(state.jdbc())) {
            exposures = PixelSample.loadedExposures(db);
            database = DatabaseState.describe(db) + "; " + (prewarm ? DatabaseState.prewarm(db) : "no prewarm");
            DatabaseState.hugePagesAdvice(db).ifPresent(advice -> System.err.println("apibench: " + advice));
        }
        if (exposures.isEmpty()) {
            System.err.println("apibench: no exposure is loaded; ingest some first (./pixeldb ingest or bench)");
            return 1;
        }
        List<String> paths = PixelSample.paths(exposures, warmup + requests, seed).stream()
                .map(path -> path + endpoint.suffix).toList();
        // HTTP/1.1 as notebooks (requests) and most dashboards speak it, one kept-alive connection per client. A blocking
        // client: the load generator shares the 2 cores with the stack, and java.net.http cost twice its CPU.
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(clients).setMaxConnPerRoute(clients).build();
        CloseableHttpClient http = HttpClients.custom().setConnectionManager(connections).build();
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
                    long t0 = rate > 0 ? dueAt(started, i - warmup) : System.nanoTime();
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
        http.close();
        if (failed.get() > 0) {
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LatencySummary s = LatencySummary.of(latencies);
        System.out.printf("GET /api/v1/pixels/{detector}/{row}/{col}%s%s over %d loaded exposures: %d requests"
                + " (after %d warm-up) from %d concurrent client(s)%s%n", endpoint.suffix, query.isBlank() ? "" : "?" + query,
                exposures.size(), s.count(), warmup, clients, rate > 0 ? String.format(", %.0f requests/s offered", rate)
                : "");
        System.out.println("database: " + database);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p95 %.2f  p99 %.2f  max %.2f  mean %.2f; %.0f requests/s,"
                + " %.1f kB per response%n", s.p50(), s.p90(), s.p95(), s.p99(), s.max(), s.mean(), s.count() / seconds,
                bytes.get() / 1024.0 / s.count());
        return 0;
    }

    /** Waits until the request with this index is due on the fixed schedule, and returns when that was. */
    private long dueAt(long started, int index) {
        long due = started + (long) (index * 1e9 / rate);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        return due;
    }

    /** The body of a 200 answer; null, after saying why, for anything else. */
    private byte[] send(CloseableHttpClient http, String url) {
        String full = url + (query.isBlank() ? "" : "?" + query);
        try {
            return http.execute(new HttpGet(full), response -> {
                byte[] body = EntityUtils.toByteArray(response.getEntity());
                if (response.getCode() == 200) {
                    return body;
                }
                System.err.println("apibench: " + full + " answered " + response.getCode() + ": " + new String(body));
                return null;
            });
        } catch (IOException e) {
            System.err.println("apibench: " + full + " failed: " + e);
        }
        return null;
    }
}
