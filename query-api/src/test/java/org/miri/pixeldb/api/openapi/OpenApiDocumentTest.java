package org.miri.pixeldb.api.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServersTestResource;

/** Issue 13, item 8: /q/openapi listed no error, no bearer scheme, and FITS where an endpoint never serves it. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class OpenApiDocumentTest {

    static JsonNode document;

    /** Read in the first test, not @BeforeAll: the application is not up before the first test instance. */
    @BeforeEach
    void read() throws Exception {
        if (document == null) {
            document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        }
    }

    private static JsonNode operation(String path, String method) {
        return document.path("paths").path(path).path(method);
    }

    private static List<String> formats(JsonNode operation) {
        List<String> values = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals("format")) {
                parameter.path("schema").path("enum").forEach(v -> values.add(v.asText()));
            }
        }
        return values;
    }

    @Test
    void everyOperationDocumentsItsErrorsWithTheErrorBody() {
        int operations = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) document.path("paths")::fields) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (var op : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                for (String status : List.of("400", "404", "406", "413", "503")) {
                    assertEquals("#/components/schemas/ApiError", op.getValue().path("responses").path(status)
                            .path("content").path("application/json").path("schema").path("$ref").asText(),
                            op.getKey() + " " + path.getKey() + " " + status);
                }
                operations++;
            }
        }
        assertTrue(operations >= 12, operations + " operations");
        assertEquals(List.of("status", "error", "parameter", "message"), fieldNames(document.path("components")
                .path("schemas").path("ApiError").path("properties")));
    }

    @Test
    void theDetectorListKeepsItsSchemaName() {
        assertEquals("#/components/schemas/Detector", operation("/api/v1/detectors", "get").path("responses")
                .path("200").path("content").path("application/json").path("schema").path("items").path("$ref")
                .asText());
        assertEquals(List.of("scaId", "name", "description"), fieldNames(document.path("components")
                .path("schemas").path("Detector").path("properties")));
    }

    @Test
    void deleteNeedsTheBearerToken() {
        JsonNode delete = operation("/api/v1/exposures/{name}", "delete");
        assertEquals("bearer", delete.path("security").path(0).fieldNames().next());
        assertTrue(delete.path("responses").has("401") && delete.path("responses").has("403"), delete.toString());
        assertEquals("bearer", document.path("components").path("securitySchemes").path("bearer").path("scheme").asText());
        assertTrue(operation("/api/v1/exposures/{name}", "get").path("security").isMissingNode());
    }

    @Test
    void formatsAreTheOnesEachOperationServes() {
        assertEquals(List.of("json", "csv", "fits"), formats(operation("/api/v1/exposures/{name}/ramps", "get")));
        JsonNode flags = operation("/api/v1/exposures/{name}/flags", "get");
        assertEquals(List.of("json", "csv"), formats(flags));
        assertFalse(flags.path("responses").path("200").path("content").has("application/fits"), flags.toString());
        assertEquals(List.of("json", "csv"), formats(operation("/api/v1/pixels/{detector}/{row}/{col}/slopes", "get")));
    }

    @Test
    void parametersHaveTheirTypesRangesEnumerationsAndDefaults() {
        JsonNode limit = parameter(operation("/api/v1/pixels/{detector}/{row}/{col}", "get"), "limit");
        assertEquals("integer", limit.path("type").asText(), limit.toString());
        assertEquals(List.of(1, 1000, 25), List.of(limit.path("minimum").asInt(), limit.path("maximum").asInt(),
                limit.path("default").asInt()));
        assertEquals(1000, parameter(operation("/api/v1/pixels/{detector}/{row}/{col}/slopes", "get"), "limit")
                .path("default").asInt());
        assertEquals(1024, parameter(operation("/api/v1/pixels/{detector}/{row}/{col}", "get"), "row")
                .path("maximum").asInt());
        JsonNode kind = parameter(operation("/api/v1/exposures/{name}/ramps", "get"), "kind");
        assertEquals("[\"raw\",\"corrected\",\"refout\"]", kind.path("enum").toString());
        assertEquals("raw", kind.path("default").asText());
        assertEquals("date-time", parameter(operation("/api/v1/exposures", "get"), "from").path("format").asText());
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter.path("schema");
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
