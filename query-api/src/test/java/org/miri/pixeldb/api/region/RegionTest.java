package org.miri.pixeldb.api.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.ExpectedFits;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/** Regions of the real JPL8 exposure as FITS, JSON and CSV, against the files it was loaded from. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class RegionTest {

    private static final String BASE = "/api/v1/exposures/" + SharedExposure.NAME;

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @BeforeEach
    void load() throws Exception {
        SharedExposure.load(db, SharedExposure.NAME);
    }

    @Test
    void rawRegionAsFitsReadsBackToTheFilesSamples() throws Exception {
        byte[] body = given().queryParam("rows", "790:801").queryParam("cols", "3:10").queryParam("format", "fits")
                .when().get(BASE + "/ramps").then().statusCode(200).contentType("application/fits").extract().asByteArray();
        short[][][][] expected = (short[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAW), "SCI");
        try (Fits fits = new Fits(new ByteArrayInputStream(body))) {
            BasicHDU<?> cube = fits.read()[0];
            assertEquals(32768, cube.getHeader().getIntValue("BZERO"));
            assertEquals(3, cube.getHeader().getIntValue("SUBSTRT1"));
            assertEquals(790, cube.getHeader().getIntValue("SUBSTRT2"));
            assertEquals("FAST", cube.getHeader().getStringValue("READPATT"));
            short[][][][] got = (short[][][][]) cube.getKernel();
            assertEquals(5, got.length);
            for (int i = 0; i < 5; i++) {
                for (int g = 0; g < 50; g++) {
                    for (int y = 0; y < 12; y++) {
                        for (int x = 0; x < 8; x++) {
                            assertEquals(expected[i][g][y + 11][x + 2], got[i][g][y][x], i + "/" + g + "/" + y + "/" + x);
                        }
                    }
                }
            }
        }
        fitsverify(body);
    }

    @Test
    void correctedRegionAsFitsHasSciErrAndGroupdqOfTheFile() throws Exception {
        byte[] body = given().queryParam("kind", "corrected").queryParam("rows", "779:783").queryParam("cols", "60:72")
                .queryParam("integration", "2").header("Accept", "application/fits").when().get(BASE + "/ramps").then()
                .statusCode(200).extract().asByteArray();
        Path ramp = SharedExposure.file(SharedExposure.RAMP);
        float[][][][] sci = (float[][][][]) ExpectedFits.array(ramp, "SCI");
        float[][][][] err = (float[][][][]) ExpectedFits.array(ramp, "ERR");
        byte[][][][] groupdq = (byte[][][][]) ExpectedFits.array(ramp, "GROUPDQ");
        try (Fits fits = new Fits(new ByteArrayInputStream(body))) {
            BasicHDU<?>[] hdus = fits.read();
            float[][][][] gotSci = (float[][][][]) hdus[0].getKernel();
            float[][][][] gotErr = (float[][][][]) hdus[1].getKernel();
            byte[][][][] gotDq = (byte[][][][]) hdus[2].getKernel();
            assertEquals(1, gotSci.length);
            for (int g = 0; g < 50; g++) {
                for (int y = 0; y < 5; y++) {
                    assertArrayEquals(java.util.Arrays.copyOfRange(sci[1][g][y], 59, 72), gotSci[0][g][y]);
                    assertArrayEquals(java.util.Arrays.copyOfRange(err[1][g][y], 59, 72), gotErr[0][g][y]);
                    assertArrayEquals(java.util.Arrays.copyOfRange(groupdq[1][g][y], 59, 72), gotDq[0][g][y]);
                }
            }
        }
        fitsverify(body);
    }

    @Test
    void slopeImagesInJsonAreTheRateintsValues() throws Exception {
        JsonPath slopes = given().queryParam("rows", "800:803").queryParam("cols", "30:33").when()
                .get(BASE + "/slopes").then().statusCode(200).extract().jsonPath();
        float[][][] sci = (float[][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RATEINTS), "SCI");
        assertEquals("RATEINTS", slopes.getString("product"));
        assertEquals(5, slopes.getList("planes").size());
        for (int i = 0; i < 5; i++) {
            for (int y = 0; y < 4; y++) {
                List<Float> row = slopes.getList("planes[" + i + "].sci[" + y + "]", Float.class);
                for (int x = 0; x < 4; x++) {
                    float expected = sci[i][y + 21][x + 29];
                    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(row.get(x)));
                }
            }
        }
    }

    @Test
    void slopeImagesAsFitsKeepTheUnsignedDqConvention() throws Exception {
        byte[] body = given().queryParam("rows", "800:801").queryParam("cols", "1:3").queryParam("format", "fits")
                .when().get(BASE + "/slopes").then().statusCode(200).extract().asByteArray();
        Path rateints = SharedExposure.file(SharedExposure.RATEINTS);
        int[][][] dq = (int[][][]) ExpectedFits.array(rateints, "DQ");
        float[][][] varPoisson = (float[][][]) ExpectedFits.array(rateints, "VAR_POISSON");
        try (Fits fits = new Fits(new ByteArrayInputStream(body))) {
            BasicHDU<?>[] hdus = fits.read();
            assertEquals("DQ", hdus[3].getHeader().getStringValue("EXTNAME"));
            assertEquals(ExpectedFits.bzero(rateints, "DQ"), hdus[3].getHeader().getLongValue("BZERO"));
            int[][][] gotDq = (int[][][]) hdus[3].getKernel();
            float[][][] gotVar = (float[][][]) hdus[4].getKernel();
            for (int i = 0; i < 5; i++) {
                for (int y = 0; y < 2; y++) {
                    assertArrayEquals(java.util.Arrays.copyOfRange(dq[i][y + 21], 0, 3), gotDq[i][y]);
                    assertArrayEquals(java.util.Arrays.copyOfRange(varPoisson[i][y + 21], 0, 3), gotVar[i][y]);
                }
            }
        }
        fitsverify(body);
        given().queryParam("flag", "DO_NOT_USE").queryParam("rows", "779").queryParam("cols", "1").queryParam("format",
                "csv").when().get(BASE + "/flags").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("kind,integration,row,col,groups,flags\nramp,1,779,1,1 "));
    }

    @Test
    void slopePlanesAskedForAreTheOnlyOnesAnsweredInEveryFormat() throws Exception {
        Path rateints = SharedExposure.file(SharedExposure.RATEINTS);
        float[][][] sci = (float[][][]) ExpectedFits.array(rateints, "SCI");
        int[][][] dq = (int[][][]) ExpectedFits.array(rateints, "DQ");
        byte[] body = given().queryParam("rows", "800:801").queryParam("cols", "1:3").queryParam("integration", "2")
                .queryParam("planes", "dq,SCI").queryParam("format", "fits").when().get(BASE + "/slopes").then()
                .statusCode(200).extract().asByteArray();
        try (Fits fits = new Fits(new ByteArrayInputStream(body))) {
            BasicHDU<?>[] hdus = fits.read();
            assertEquals(3, hdus.length, "primary, SCI, DQ");
            assertEquals("SCI", hdus[1].getHeader().getStringValue("EXTNAME"));
            assertEquals("DQ", hdus[2].getHeader().getStringValue("EXTNAME"));
            for (int y = 0; y < 2; y++) {
                assertArrayEquals(java.util.Arrays.copyOfRange(sci[1][y + 21], 0, 3), ((float[][][]) hdus[1].getKernel())[0][y]);
                assertArrayEquals(java.util.Arrays.copyOfRange(dq[1][y + 21], 0, 3), ((int[][][]) hdus[2].getKernel())[0][y]);
            }
        }
        fitsverify(body);
        JsonPath json = given().queryParam("rows", "800").queryParam("cols", "1:3").queryParam("integration", "2")
                .queryParam("planes", "ERR").queryParam("planes", "VAR_RNOISE").when().get(BASE + "/slopes").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(java.util.Set.of("integration", "err", "varRnoise"), json.getMap("planes[0]").keySet());
        String csv = given().queryParam("rows", "800").queryParam("cols", "1").queryParam("integration", "2")
                .queryParam("planes", "SCI,DQ").queryParam("format", "csv").when().get(BASE + "/slopes").then()
                .statusCode(200).extract().asString();
        String[] lines = csv.split("\n");
        assertEquals("integration,row,col,sci,dq", lines[0]);
        String[] fields = lines[1].split(",");
        assertEquals(List.of("2", "800", "1"), List.of(fields).subList(0, 3));
        assertEquals(sci[1][21][0], Float.parseFloat(fields[3]));
        assertEquals(dq[1][21][0] + ExpectedFits.bzero(rateints, "DQ"), Long.parseLong(fields[4]));
        given().queryParam("planes", "SCI,SLOPE").when().get(BASE + "/slopes").then().statusCode(400)
                .body("parameter", is("planes")).body("message", containsString("unknown plane 'SLOPE'"));
    }

    @Test
    void jsonAndCsvRampsCarryTheSamples() throws Exception {
        short[][][][] raw = (short[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAW), "SCI");
        JsonPath ramps = given().queryParam("rows", "779").queryParam("cols", "1:2").queryParam("integration", "3")
                .when().get(BASE + "/ramps").then().statusCode(200).extract().jsonPath();
        assertEquals(2, ramps.getList("ramps").size());
        assertEquals(ExpectedFits.rawSample(raw, 3, 49, 0, 1), ramps.getInt("ramps[1].samples[49]"));
        String csv = given().queryParam("rows", "779").queryParam("cols", "1").queryParam("integration", "1")
                .queryParam("format", "csv").when().get(BASE + "/ramps").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\n");
        assertEquals("integration,row,col,group,value", lines[0]);
        assertEquals(51, lines.length);
        assertEquals("1,779,1,1," + ExpectedFits.rawSample(raw, 1, 0, 0, 0), lines[1]);
    }

    @Test
    void referenceOutputRampsAreTheFilesRefout() throws Exception {
        short[][][][] refout = (short[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAW), "REFOUT");
        JsonPath ramps = given().queryParam("kind", "refout").queryParam("integration", "4").when()
                .get(BASE + "/ramps").then().statusCode(200).extract().jsonPath();
        assertEquals(64 * 18, ramps.getList("ramps").size());
        assertEquals(List.of(1, 18), ramps.getList("cols"));
        int last = 64 * 18 - 1;
        assertEquals(842, ramps.getInt("ramps[" + last + "].row"));
        assertEquals(18, ramps.getInt("ramps[" + last + "].refoutCol"));
        assertEquals(ExpectedFits.rawSample(refout, 4, 49, 63, 17), ramps.getInt("ramps[" + last + "].samples[49]"));
        given().queryParam("kind", "refout").queryParam("cols", "19").when().get(BASE + "/ramps").then()
                .statusCode(400).body("parameter", is("cols"));
    }

    @Test
    void flagsFindEveryJumpOfTheFile() throws Exception {
        byte[][][][] groupdq = (byte[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAMP), "GROUPDQ");
        int expected = 0;
        for (byte[][][] integration : groupdq) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 72; x++) {
                    boolean jump = false;
                    for (byte[][] group : integration) {
                        jump |= (group[y][x] & 4) != 0;
                    }
                    expected += jump ? 1 : 0;
                }
            }
        }
        given().queryParam("flag", "JUMP_DET").when().get(BASE + "/flags").then().statusCode(200)
                .body("ramps.size()", is(expected)).body("flags", is(List.of("JUMP_DET")));
    }

    @Test
    void aTooLargeRequestIs413WithTheLimitAndNoBody() {
        given().queryParam("kind", "corrected").when().get(BASE + "/ramps").then().statusCode(413)
                .body("parameter", is("rows")).body("message", containsString("16777216"));
    }

    @Test
    void coordinatesOutsideTheExposureAre400NamingTheParameter() {
        given().queryParam("rows", "700:800").when().get(BASE + "/ramps").then().statusCode(400)
                .body("parameter", is("rows"));
        given().queryParam("cols", "70:80").when().get(BASE + "/ramps").then().statusCode(400)
                .body("parameter", is("cols"));
        given().queryParam("integration", "6").when().get(BASE + "/ramps").then().statusCode(400)
                .body("parameter", is("integration"));
        given().queryParam("rows", "790:780").when().get(BASE + "/ramps").then().statusCode(400)
                .body("parameter", is("rows")).body("message", containsString("inverted"));
        given().queryParam("flag", "NOT_A_FLAG").when().get(BASE + "/flags").then().statusCode(400)
                .body("parameter", is("flag"));
        given().when().get("/api/v1/exposures/NO_SUCH_EXPOSURE/ramps").then().statusCode(404)
                .body("parameter", is("name"));
    }

    static void fitsverify(byte[] body) throws Exception {
        RegionTestSupport.fitsverify(body);
    }
}
