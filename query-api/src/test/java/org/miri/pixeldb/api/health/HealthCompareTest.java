package org.miri.pixeldb.api.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.miri.pixeldb.api.testdata.PipelineLoader;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.model.DqFlags;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * POST .../health/compare with the exposure's own served mask, changed at known pixels, finds exactly those changes;
 * crafted bodies are refused naming the body, and the comparison needs no token (it changes nothing).
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthCompareTest {

    private static final String NAME = "COMPARE_SUB64";
    private static final String COMPARE = "/api/v1/detectors/{detector}/health/compare";
    private static final long UINT32_ZERO = 2147483648L;

    DataSource db = RealServers.shared().superuserDataSource();
    @Inject
    HealthEvaluation evaluation;
    private JsonPath health;
    private byte[] served;
    private String detector;

    // Loaded by the first test, not in @BeforeAll: RestAssured knows the application's port only from the first test on.
    @BeforeEach
    void loadAndEvaluate() throws Exception {
        if (health != null) {
            return;
        }
        PipelineLoader.load(db, SharedExposure.file(SharedExposure.RATEINTS), "compare/"
                + SharedExposure.RATEINTS.replace(SharedExposure.NAME, NAME));
        evaluation.evaluate(NAME);
        detector = given().when().get("/api/v1/exposures/" + NAME).then().statusCode(200).extract().jsonPath()
                .getString("exposure.detector");
        health = given().queryParam("exposure", NAME).queryParam("limit", 10000).when()
                .get("/api/v1/detectors/" + detector + "/health").then().statusCode(200).extract().jsonPath();
        served = given().queryParam("exposure", NAME).queryParam("format", "fits").when()
                .get("/api/v1/detectors/" + detector + "/health").then().statusCode(200).extract().asByteArray();
    }

    @AfterAll
    void deleteTheExposure() throws Exception {
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("with gone as (delete from exposure where name = '" + NAME
                    + "' returning name) select forget_exposure(name) from gone");
        }
    }

    @Test
    void theServedMaskChangedAtKnownPixelsDiffersExactlyThere() throws Exception {
        List<Map<String, Object>> pixels = health.getList("pixels");
        Map<String, Object> hot = pixels.stream().filter(p -> ((List<?>) p.get("states")).contains("HOT")).findFirst()
                .orElseThrow();
        int hotRow = (Integer) hot.get("row");
        int hotCol = (Integer) hot.get("col");
        int warmRow = 800;
        int warmCol = 40;
        assertFalse(pixels.stream().anyMatch(p -> p.get("row").equals(warmRow) && p.get("col").equals(warmCol)),
                "the pixel made WARM in the mask is healthy here");
        byte[] mask = changed(served, new int[][] {{hotRow, hotCol, -DqFlags.HOT}, {warmRow, warmCol, DqFlags.WARM},
                {100, 100, DqFlags.HOT}});
        // No Authorization header: a comparison changes nothing.
        JsonPath answer = post(mask).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(779, 842, 1, 72), List.of(answer.getInt("region.firstRow"), answer.getInt("region.lastRow"),
                answer.getInt("region.firstCol"), answer.getInt("region.lastCol")), "the exposure's subarray");
        int hots = health.getInt("counts.HOT");
        int warms = health.getInt("counts.WARM");
        long other = pixels.stream().filter(p -> ((List<?>) p.get("states")).stream()
                .anyMatch(s -> s.equals("NOISY") || s.equals("JUMPY"))).count();
        assertEquals(List.of(1, 0, hots - 1), counts(answer, "HOT"), "the cleared HOT bit; row 100 is outside");
        assertEquals(List.of(List.of(hotRow, hotCol)), answer.getList("flags.find { it.flag == 'HOT' }.onlyHere.pixels"));
        assertEquals(List.of(0, 1, warms), counts(answer, "WARM"));
        assertEquals(List.of(List.of(warmRow, warmCol)),
                answer.getList("flags.find { it.flag == 'WARM' }.onlyInMask.pixels"));
        assertEquals(List.of(0, 0, health.getInt("counts.DEAD")), counts(answer, "DEAD"));
        assertEquals(List.of(0, 0, (int) other), counts(answer, "OTHER_BAD_PIXEL"));
    }

    @Test
    void craftedMasksAreRefusedNamingTheBody() throws Exception {
        post(new byte[0]).then().statusCode(400).body("parameter", equalTo("body"))
                .body("message", containsString("empty"));
        post("SIMPLE  =  T but not really".getBytes()).then().statusCode(400).body("parameter", equalTo("body"));
        post(java.util.Arrays.copyOf(served, 5000)).then().statusCode(400).body("parameter", equalTo("body"))
                .body("message", containsString("truncated"));
        post(mask(1, 1)).then().statusCode(400).body("message", containsString("no DQ extension"));
        post(mask(1, 1, dq(new float[4][4]))).then().statusCode(400).body("message", containsString("BITPIX -32"));
        post(mask(1, 1, dq(new int[2][4][4]))).then().statusCode(400).body("message", containsString("NAXIS 3"));
        post(mask(1030, 1, dq(new int[4][72]))).then().statusCode(400)
                .body("message", containsString("inside the 1032 x 1024 frame"));
        post(mask(1, 1, dq(new int[10][10]))).then().statusCode(400)
                .body("message", containsString("shares no pixel"));
        post(new byte[9 << 20]).then().statusCode(413).body("parameter", equalTo("body"));
        given().contentType("application/fits").body(served).queryParam("exposure", "NO_SUCH").when()
                .post(COMPARE, detector).then().statusCode(404).body("parameter", equalTo("exposure"));
        given().contentType("application/fits").body(served).when().post(COMPARE, detector).then().statusCode(400)
                .body("parameter", equalTo("exposure"));
    }

    private io.restassured.response.Response post(byte[] body) {
        return given().contentType("application/fits").body(body).queryParam("exposure", NAME).when()
                .post(COMPARE, detector);
    }

    private static List<Integer> counts(JsonPath answer, String flag) {
        String at = "flags.find { it.flag == '" + flag + "' }.";
        return List.of(answer.getInt(at + "onlyHere.count"), answer.getInt(at + "onlyInMask.count"),
                answer.getInt(at + "both.count"));
    }

    /** The mask with bits set (positive) or cleared (negative) at full-frame {row, col, bit}. */
    private byte[] changed(byte[] mask, int[][] changes) throws Exception {
        try (Fits fits = new Fits(new ByteArrayInputStream(mask))) {
            BasicHDU<?>[] hdus = fits.read();
            int[][] dq = (int[][]) hdus[1].getKernel();
            for (int[] change : changes) {
                long value = dq[change[0] - 1][change[1] - 1] + UINT32_ZERO;
                value = change[2] > 0 ? value | change[2] : value & ~(long) -change[2];
                dq[change[0] - 1][change[1] - 1] = (int) (value - UINT32_ZERO);
            }
            return fits(hdus);
        }
    }

    private static ImageHDU dq(Object data) throws Exception {
        ImageHDU image = (ImageHDU) Fits.makeHDU(data);
        image.getHeader().addValue("EXTNAME", "DQ", "");
        return image;
    }

    /** A mask file: a primary header placing it at (SUBSTRT1, SUBSTRT2), then the extensions. */
    private byte[] mask(int substrt1, int substrt2, BasicHDU<?>... extensions) throws Exception {
        NullDataHDU primary = new NullDataHDU();
        primary.getHeader().addValue("SUBSTRT1", substrt1, "");
        primary.getHeader().addValue("SUBSTRT2", substrt2, "");
        BasicHDU<?>[] hdus = new BasicHDU<?>[extensions.length + 1];
        hdus[0] = primary;
        System.arraycopy(extensions, 0, hdus, 1, extensions.length);
        return fits(hdus);
    }

    private byte[] fits(BasicHDU<?>... hdus) throws Exception {
        Path file = Files.createTempFile("compare-mask", ".fits");
        try (Fits fits = new Fits()) {
            for (BasicHDU<?> hdu : hdus) {
                fits.addHDU(hdu);
            }
            fits.write(file.toFile());
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }
}
