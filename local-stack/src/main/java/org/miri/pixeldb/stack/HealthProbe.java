package org.miri.pixeldb.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.miri.pixeldb.platform.kafka.KafkaProbe;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import software.amazon.awssdk.services.s3.S3Client;

/** Asks every part of a running stack whether it answers: UP, or DOWN with the reason. */
public final class HealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @return component name to "UP" or "DOWN: reason", servers first, then services */
    public Map<String, String> check(StackState state) {
        Map<String, String> health = new LinkedHashMap<>();
        health.put("kafka", probe(() -> KafkaProbe.clusterId(state.kafka(), TIMEOUT)));
        health.put("postgres", probe(() -> {
            try (Connection connection = DriverManager.getConnection(state.jdbc())) {
                return connection.isValid(3) ? "ok" : null;
            }
        }));
        StackState.S3 s3 = state.s3();
        health.put("s3", probe(() -> {
            try (S3Client client = new S3Endpoint(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(),
                    s3.secretKey()).client()) {
                return client.headBucket(b -> b.bucket(s3.bucket())).toString();
            }
        }));
        state.services().forEach((name, service) -> health.put(name, probe(() -> ready(service))));
        return health;
    }

    public static boolean allUp(Map<String, String> health) {
        return health.values().stream().allMatch("UP"::equals);
    }

    private String ready(StackState.Component service) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.url() + service.health()))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body().replaceAll("\\s+", " "));
        }
        return response.body();
    }

    private interface Check {
        Object call() throws Exception;
    }

    private static String probe(Check check) {
        try {
            return check.call() != null ? "UP" : "DOWN";
        } catch (Exception e) {
            return "DOWN: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
    }
}
