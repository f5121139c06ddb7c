package org.miri.pixeldb.stack.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the used heap of services from their Prometheus endpoints while a benchmark runs, and
 * keeps the peak per service.
 */
public final class HeapSampler implements AutoCloseable {

    /**
     * Each sample renders every metric of every service: every 200 ms that cost the services 4-8 % of their CPU in the
     * profile of 2026-12-05, charged to the figures being measured. A peak between samples can be missed.
     */
    private static final long SAMPLE_INTERVAL_MS = 1000;

    private final Map<String, String> metricsUrls;
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Thread thread;
    private volatile boolean running = true;

    public HeapSampler(Map<String, String> metricsUrls) {
        this.metricsUrls = metricsUrls;
        thread = new Thread(this::loop, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            metricsUrls.forEach((service, url) -> {
                try {
                    String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    peaks.merge(service, heapUsed(body), Math::max);
                } catch (Exception e) {
                    // A service restarting is sampled again next round.
                }
            });
            try {
                Thread.sleep(SAMPLE_INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sum of {@code jvm_memory_used_bytes{area="heap",...}} over the heap's pools. */
    static long heapUsed(String prometheus) {
        return prometheus.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    public Map<String, Long> peaks() {
        return Map.copyOf(peaks);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
