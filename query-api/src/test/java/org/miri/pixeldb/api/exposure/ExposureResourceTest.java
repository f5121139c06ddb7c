package org.miri.pixeldb.api.exposure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.SyntheticExposures;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/** Listings and details of synthetic exposures loaded by the pipeline's code. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ExposureResourceTest {

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @BeforeEach
    void load() throws Exception {
        SyntheticExposures.load(db);
    }

    @Test
    void filtersByDetectorSubarrayAndLoadedProducts() {
        given().queryParam("detector", "MIRIFULONG").when().get("/api/v1/exposures").then().statusCode(200)
                .body("exposures.name", hasItems(SyntheticExposures.FULONG, SyntheticExposures.FULONG_RAW))
                .body("exposures.detector", everyItem(is("MIRIFULONG")));
        given().queryParam("detector", "494").queryParam("subarray", "sub128").when().get("/api/v1/exposures").then()
                .body("exposures.name", is(List.of(SyntheticExposures.FULONG_RAW)));
        given().queryParam("loaded", "RAMP,RATE").when().get("/api/v1/exposures").then()
                .body("exposures.name", hasItem(SyntheticExposures.FULONG))
                .body("exposures.name", not(hasItem(SyntheticExposures.FUSHORT)));
        given().queryParam("from", "2026-11-25").queryParam("to", "2026-11-25T23:59:59Z").queryParam("origin", "flight")
                .when().get("/api/v1/exposures").then().body("exposures.name", hasItem(SyntheticExposures.FUSHORT));
        given().queryParam("to", "2020-01-01").when().get("/api/v1/exposures").then()
                .body("exposures.name", not(hasItem(SyntheticExposures.FUSHORT)));
    }

    @Test
    void pagesFollowTheNextLinkToTheEndWithoutLossOrRepeat() {
        for (String sort : List.of("dateObs", "-dateObs", "name", "-name")) {
            List<String> all = given().queryParam("sort", sort).queryParam("limit", "1000").when()
                    .get("/api/v1/exposures").then().statusCode(200).extract().jsonPath().getList("exposures.name");
            List<String> paged = new ArrayList<>();
            JsonPath page = given().queryParam("sort", sort).queryParam("limit", "1").when().get("/api/v1/exposures")
                    .then().statusCode(200).extract().jsonPath();
            while (true) {
                paged.addAll(page.getList("exposures.name"));
                String next = page.getString("next");
                if (next == null) {
                    break;
                }
                page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
            }
            assertEquals(all, paged, sort);
        }
    }

    @Test
    void detailHasProductsProvenanceHeaderAndCounts() {
        given().when().get("/api/v1/exposures/" + SyntheticExposures.FULONG).then().statusCode(200)
                .body("exposure.nints", is(2)).body("exposure.ngroups", is(5))
                .body("exposure.productsLoaded", is(List.of("RAMP", "RATE", "RATEINTS", "RAW")))
                .body("products.find { it.kind == 'RAMP' }.state", is("LOADED"))
                .body("products.find { it.kind == 'RAMP' }.ramps", is(2 * 64 * 72 + 2 * 64 * 18))
                .body("products.find { it.kind == 'RAMP' }.calVer", not(nullValue()))
                .body("products.find { it.kind == 'RAW' }.header.keyword", hasItems("NGROUPS", "SUBARRAY"))
                .body("ingest", is(List.of()));
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        String[][] cases = {{"detector", "NIRCAM"}, {"limit", "0"}, {"limit", "x"}, {"sort", "size"},
            {"cursor", "bm90LWEtY3Vyc29y"}, {"from", "yesterday"}, {"loaded", "CAL"}, {"origin", "MARS"}};
        for (String[] c : cases) {
            given().queryParam(c[0], c[1]).when().get("/api/v1/exposures").then().statusCode(400)
                    .body("parameter", is(c[0])).body("status", is(400));
        }
        given().queryParam("from", "2026-01-02").queryParam("to", "2026-01-01").when().get("/api/v1/exposures").then()
                .statusCode(400).body("parameter", is("from")).body("message", containsString("after"));
        given().when().get("/api/v1/exposures/NO_SUCH").then().statusCode(404).body("parameter", is("name"));
    }
}
