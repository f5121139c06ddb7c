package org.miri.pixeldb.api.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.SyntheticExposures;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * Issue 13, items 6 to 8: requests crafted as an attacker or a careless notebook would send them. Each answered 200
 * with the wrong data, or 500, before the fix; each must now be the right status with a JSON error naming the
 * parameter.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class CraftedRequestTest {

    private static final String RAMPS = "/api/v1/exposures/" + SyntheticExposures.FULONG + "/ramps";

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @BeforeEach
    void data() throws Exception {
        SyntheticExposures.load(db);
    }

    private static void refused(Response response, int status, String parameter, String words) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals(parameter, response.jsonPath().getString("parameter"), response.asString());
        assertTrue(response.jsonPath().getString("message").contains(words), response.asString());
    }

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownParametersAreRefusedNamingTheKnownOnes() {
        refused(given().queryParam("flags", "JUMP_DET").get("/api/v1/exposures/" + SyntheticExposures.FULONG + "/flags"),
                400, "flags", "unknown parameter 'flags'; this endpoint takes cols, flag, format, integration, rows");
        refused(given().queryParam("detectr", "MIRIMAGE").get("/api/v1/exposures"), 400, "detectr", "detector");
        refused(given().queryParam("x", "1").get("/api/v1/detectors"), 400, "x", "this endpoint takes none");
    }

    @Test
    void aRepeatedSingleValuedParameterIsRefusedAndListsAreDeduplicatedAndCapped() {
        refused(given().queryParam("limit", "1").queryParam("limit", "2").get("/api/v1/exposures"), 400, "limit",
                "limit is given 2 times; it takes one value");
        assertEquals(given().queryParam("loaded", "RAW").get("/api/v1/exposures").asString(),
                given().queryParam("loaded", "RAW,RAW").queryParam("loaded", "RAW").get("/api/v1/exposures").asString());
        String many = IntStream.range(0, 65).mapToObj(i -> "K" + i).collect(Collectors.joining(","));
        refused(given().queryParam("loaded", many).get("/api/v1/exposures"), 400, "loaded", "at most 64 distinct");
    }

    @Test
    void nulBytesAndDatesBeyondTheDatabaseAreBadRequests() {
        refused(given().urlEncodingEnabled(false).get("/api/v1/exposures/SYNTH%00X"), 400, "name", "NUL byte");
        refused(given().urlEncodingEnabled(false).get("/api/v1/exposures?subarray=%00"), 400, "subarray", "");
        refused(given().urlEncodingEnabled(false).get("/api/v1/exposures?from=%2B1000000-01-01T00:00:00Z"), 400, "from",
                "outside the dates the database can hold");
        refused(given().queryParam("to", "infinity").get("/api/v1/exposures"), 400, "to", "ISO-8601");
        refused(given().queryParam("cursor", token("c1|+1000000-01-01T00:00:00Z|5")).get("/api/v1/exposures"), 400,
                "cursor", "outside the dates the database can hold");
        refused(given().queryParam("sort", "name").queryParam("cursor", token("c1|a\u0000b|5")).get("/api/v1/exposures"),
                400, "cursor", "not a paging token");
        // The ingest listing accepted this token's date and its repository then failed on it: a 500.
        assertEquals(200, given().queryParam("cursor", token("c1|2018-03-08|5")).get("/api/v1/ingest").statusCode());
    }

    /** A forged Host header once made the 'next' link point at another site. */
    @Test
    void nextLinksAreRelativeWhateverTheHostHeaderSays() {
        String next = given().queryParam("limit", 1).header("Host", "evil.example").get("/api/v1/exposures")
                .jsonPath().getString("next");
        assertTrue(next.startsWith("/api/v1/exposures?"), next);
        assertTrue(!next.contains("evil.example"), next);
    }

    @Test
    void acceptQualitiesAreHonouredAndZeroRefuses() {
        assertEquals("text/csv", given().header("Accept", "application/json;q=0, text/csv").queryParam("rows", "780")
                .queryParam("cols", "1:4").get(RAMPS).contentType().split(";")[0]);
        assertEquals("application/fits", given().header("Accept", "*/*;q=0.1, application/fits;q=0.9")
                .queryParam("rows", "780").queryParam("cols", "1:4").get(RAMPS).contentType().split(";")[0]);
        refused(given().header("Accept", "application/json;q=0").get(RAMPS), 406, "Accept", "q=0");
        refused(given().header("Accept", "text/csv;q=high").get(RAMPS), 400, "Accept", "q must be a number");
    }

    @Test
    void aWrongMethodSaysWhichAreAllowed() {
        Response response = given().put("/api/v1/exposures");
        refused(response, 405, "method", "GET");
        assertTrue(response.header("Allow").contains("GET"), String.valueOf(response.header("Allow")));
    }
}
