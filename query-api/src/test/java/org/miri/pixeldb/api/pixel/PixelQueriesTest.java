package org.miri.pixeldb.api.pixel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.sql.DataSource;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.region.RegionTestSupport;
import org.miri.pixeldb.api.testdata.ExpectedFits;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.api.testdata.SyntheticExposures;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/** The pixel endpoints' routes, filters, formats and errors, on the JPL8 and synthetic exposures. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class PixelQueriesTest {

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @BeforeEach
    void load() throws Exception {
        SyntheticExposures.load(db);
        SharedExposure.load(db, SharedExposure.NAME);
    }

    @Test
    void thePrototypesPixelIdAndTheScaIdReachTheSamePixel() {
        String byName = given().when().get("/api/v1/pixels/MIRIMAGE/779/1").then().statusCode(200).extract().asString();
        String byId = given().when().get("/api/v1/pixels/802897").then().statusCode(200).extract().asString();
        String bySca = given().when().get("/api/v1/pixels/493/779/1").then().statusCode(200).extract().asString();
        assertEquals(byName, byId);
        assertEquals(byName, bySca);
        given().when().get("/api/v1/pixels/802897").then().body("row", is(779)).body("col", is(1))
                .body("detector", is("MIRIMAGE")).body("next", is((Object) null));
    }

    @Test
    void includeIntegrationAndFlagFiltersNarrowTheLife() {
        JsonPath slopesOnly = given().queryParam("include", "slopes").queryParam("integration", "2:3").when()
                .get("/api/v1/pixels/MIRIMAGE/800/10").then().statusCode(200).extract().jsonPath();
        String e = "exposures.find { it.name == '" + SharedExposure.NAME + "' }";
        assertEquals(List.of(), slopesOnly.getList(e + ".raw"));
        assertEquals(List.of(2, 3), slopesOnly.getList(e + ".slopes.integration"));
        // DO_NOT_USE is set on the first and last groups of every ramp of this file; JUMP_DET is not everywhere.
        given().queryParam("flag", "DO_NOT_USE").when().get("/api/v1/pixels/MIRIMAGE/800/10").then()
                .body(e + ".corrected.size()", is(5));
        given().queryParam("noflag", "DO_NOT_USE").when().get("/api/v1/pixels/MIRIMAGE/800/10").then()
                .body("exposures.name", not(hasItem(SharedExposure.NAME)));
    }

    @Test
    void syntheticDetectorsHaveTheirOwnPixels() {
        given().when().get("/api/v1/pixels/MIRIFULONG/779/1").then().statusCode(200)
                .body("exposures.name", hasItem(SyntheticExposures.FULONG))
                .body("exposures.find { it.name == '" + SyntheticExposures.FULONG + "' }.raw.size()", is(2))
                .body("exposures.find { it.name == '" + SyntheticExposures.FULONG + "' }.raw[0].samples.size()", is(5))
                .body("exposures.find { it.name == '" + SyntheticExposures.FULONG + "' }.slopes.kind",
                        is(List.of("RATEINTS", "RATEINTS", "RATE")));
        JsonPath first = given().queryParam("limit", "1").when().get("/api/v1/pixels/MIRIMAGE/779/1").then()
                .body("exposures.size()", is(1)).body("next", containsString("cursor=")).extract().jsonPath();
        assertEquals(SharedExposure.NAME, first.getString("exposures[0].name")); // 2018 before 2026
        given().urlEncodingEnabled(false).when().get(first.getString("next")).then().statusCode(200)
                .body("exposures.name", is(List.of(SyntheticExposures.IMAGE))).body("next", is((Object) null));
    }

    @Test
    void theLifeAsFitsIsABinaryTableOfTheSameValues() throws Exception {
        byte[] body = given().queryParam("format", "fits").when().get("/api/v1/pixels/MIRIMAGE/779/1").then()
                .statusCode(200).extract().asByteArray();
        float[][][][] sci = (float[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAMP), "SCI");
        try (Fits fits = new Fits(new ByteArrayInputStream(body))) {
            BasicHDU<?>[] hdus = fits.read();
            assertEquals(802897, hdus[0].getHeader().getIntValue("PIXEL_ID"));
            BinaryTable table = (BinaryTable) hdus[1].getData();
            int row = -1;
            for (int r = 0; r < table.getNRows(); r++) {
                if (SharedExposure.NAME.equals(table.getString(r, 0).strip()) && ((Number) table.get(r, 2)).intValue() == 3) {
                    row = r;
                }
            }
            float[] gotSci = (float[]) table.get(row, 5);
            for (int g = 0; g < 50; g++) {
                assertEquals(Float.floatToIntBits(sci[2][g][0][0]), Float.floatToIntBits(gotSci[g]));
            }
        }
        RegionTestSupport.fitsverify(body);
    }

    @Test
    void csvAndTheSlopeSeriesAreCompact() {
        given().queryParam("format", "csv").when().get("/api/v1/pixels/MIRIMAGE/779/1").then().statusCode(200)
                .body(startsWith("exposure,date_obs,integration,group,raw,sci,err,groupdq,pixeldq,slope"));
        given().when().get("/api/v1/pixels/MIRIMAGE/779/1/slopes").then().statusCode(200)
                .body("kind", everyItem(is("RATEINTS"))).body("sci.size()", is(5)).body("pixelId", is(802897));
    }

    @Test
    void badPixelRequestsAre400NamingTheParameter() {
        String[][] cases = {{"/api/v1/pixels/NIRCAM/779/1", "detector"}, {"/api/v1/pixels/MIRIMAGE/0/1", "row"},
            {"/api/v1/pixels/MIRIMAGE/779/1033", "col"}, {"/api/v1/pixels/MIRIMAGE/x/1", "row"},
            {"/api/v1/pixels/0", "pixelId"}, {"/api/v1/pixels/1056769", "pixelId"},
            {"/api/v1/pixels/MIRIMAGE/779/1?flag=NOPE", "flag"}, {"/api/v1/pixels/MIRIMAGE/779/1?include=ramps", "include"},
            {"/api/v1/pixels/MIRIMAGE/779/1?integration=3:1", "integration"},
            {"/api/v1/pixels/MIRIMAGE/779/1?from=2019-01-01&to=2018-01-01", "from"},
            {"/api/v1/pixels/MIRIMAGE/779/1?cursor=abc", "cursor"}, {"/api/v1/pixels/MIRIMAGE/779/1?limit=5000", "limit"}};
        for (String[] c : cases) {
            given().urlEncodingEnabled(false).when().get(c[0]).then().statusCode(400).body("parameter", is(c[1]));
        }
    }
}
