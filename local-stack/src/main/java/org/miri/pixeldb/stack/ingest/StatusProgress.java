package org.miri.pixeldb.stack.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * An object's progress from the query API's ingest status ({@code GET /api/v1/ingest?state=IN_FLIGHT}),
 * e.g. {@code LOADING 12 of 40 chunks}, for the lines {@code ./pixeldb ingest} prints while it waits.
 * Progress only: the final state still comes from the ingest log, which also knows IGNORED objects.
 */
public final class StatusProgress {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI inFlight;

    /** @param api the API's base URL, e.g. {@code http://127.0.0.1:18080} */
    public StatusProgress(String api) {
        inFlight = URI.create(api + "/api/v1/ingest?state=IN_FLIGHT&limit=1000");
    }

    /** @param objectKey {@code bucket/key}; empty when the API lists no progress of it (yet) or does not answer */
    public Optional<String> of(String objectKey) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(inFlight).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? find(json.readTree(response.body()), objectKey) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> find(JsonNode page, String objectKey) {
        for (JsonNode product : page.path("products")) {
            if (objectKey.equals(product.path("objectKey").asText())) {
                JsonNode count = product.path("chunkCount");
                return Optional.of(product.path("state").asText() + " " + product.path("chunksLoaded").asInt()
                        + (count.isNumber() ? " of " + count.asInt() : "") + " chunks");
            }
        }
        return Optional.empty();
    }
}
