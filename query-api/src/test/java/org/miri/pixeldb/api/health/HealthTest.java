package org.miri.pixeldb.api.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.miri.pixeldb.api.format.FloatText;
import org.miri.pixeldb.api.testdata.ExpectedFits;
import org.miri.pixeldb.api.testdata.PipelineLoader;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.health.state.DetectorGrid;
import org.miri.pixeldb.health.state.ExposureHealth;
import org.miri.pixeldb.health.state.ExposureSlopes;
import org.miri.pixeldb.health.state.HealthEvaluator;
import org.miri.pixeldb.health.state.HealthThresholds;
import org.miri.pixeldb.health.state.IntegrationSlopes;
import org.miri.pixeldb.health.state.JumpCounts;
import org.miri.pixeldb.health.state.PixelHealth;
import org.miri.pixeldb.health.state.PixelState;
import org.miri.pixeldb.model.DqFlags;
import org.miri.pixeldb.schemas.PixelHealthChange;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * The health of the shared SUB64 exposure from its loaded RATEINTS, evaluated, stored and served: equal, pixel for
 * pixel and count for count, to the rules run on the RATEINTS file's own SCI and DQ read with nom-tam-fits alone.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest {

    private static final String NAME = "HEALTH_SUB64";

    DataSource db = RealServers.shared().superuserDataSource();
    @ConfigProperty(name = "pixeldb.kafka.bootstrap-servers")
    String bootstrapServers;
    @Inject
    HealthEvaluation evaluation;
    private ExposureHealth expected;
    private String detector;

    @BeforeAll
    void loadTheRateintsAndComputeTheTruth() throws Exception {
        Path rateints = SharedExposure.file(SharedExposure.RATEINTS);
        PipelineLoader.load(db, rateints, "health/" + SharedExposure.RATEINTS.replace(SharedExposure.NAME, NAME));
        expected = new HealthEvaluator(HealthThresholds.DEFAULTS).evaluate(fromFile(rateints));
        detector = scalar("select d.name from exposure e join detector d on d.sca_id = e.sca_id where e.name = '"
                + NAME + "'");
    }

    /** Other test classes of this JVM share the database and count the exposures of a pixel: ours go. */
    @AfterAll
    void deleteTheExposures() throws Exception {
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("with gone as (delete from exposure where name like 'HEALTH\\_%' returning name)"
                    + " select forget_exposure(name) from gone");
        }
    }

    @Test
    void theServedHealthEqualsTheRulesOnTheFilesOwnSlopes() throws Exception {
        evaluation.evaluate(NAME);
        assertFalse(evaluation.evaluate(NAME), "evaluated once per product version");
        JsonPath page = given().queryParam("exposure", NAME).when().get("/api/v1/detectors/" + detector + "/health")
                .then().statusCode(200).extract().jsonPath();
        expected.counts().forEach((state, count) -> assertEquals(count, page.getInt("counts." + state), state.name()));
        assertEquals("RATEINTS", page.getString("product"));
        assertEquals(5, page.getInt("integrations"));
        List<PixelHealth> flagged = expected.flagged();
        assertTrue(flagged.size() > 0, "the SUB64 exposure has flagged pixels to compare");
        // Two pixels a page, following 'next' to the end: every flagged pixel once, in row and column order.
        List<Map<String, Object>> served = new ArrayList<>();
        String next = "/api/v1/detectors/" + detector + "/health?exposure=" + NAME + "&limit=2";
        while (next != null) {
            JsonPath p = given().when().get(next).then().statusCode(200).extract().jsonPath();
            served.addAll(p.getList("pixels"));
            next = p.getString("next");
        }
        assertEquals(flagged.size(), served.size());
        for (int i = 0; i < flagged.size(); i++) {
            PixelHealth want = flagged.get(i);
            Map<String, Object> got = served.get(i);
            assertEquals(List.of(want.row(), want.col()), List.of(got.get("row"), got.get("col")));
            assertEquals(want.states().stream().sorted().map(Enum::name).toList(), got.get("states"));
            assertEquals(want.integrations(), got.get("integrations"));
            assertEquals((float) want.hotFraction(), ((Number) got.get("hotFraction")).floatValue());
            assertEquals((float) want.warmFraction(), ((Number) got.get("warmFraction")).floatValue());
        }
    }

    @Test
    void asFitsTheHealthIsAFullFrameDqMaskWithItsBitDefinitions() throws Exception {
        evaluation.evaluate(NAME);
        byte[] body = given().queryParam("exposure", NAME).queryParam("format", "fits").when()
                .get("/api/v1/detectors/" + detector + "/health").then().statusCode(200)
                .contentType("application/fits").extract().asByteArray();
        try (Fits fits = new Fits(new java.io.ByteArrayInputStream(body))) {
            nom.tam.fits.BasicHDU<?>[] hdus = fits.read();
            assertEquals("MASK", hdus[0].getHeader().getStringValue("REFTYPE"));
            assertEquals(NAME, hdus[0].getHeader().getStringValue("EXP_NAME"));
            assertEquals("DQ", hdus[1].getHeader().getStringValue("EXTNAME"));
            int[][] dq = (int[][]) hdus[1].getKernel();
            assertEquals(1024, dq.length);
            assertEquals(1032, dq[0].length);
            long bzero = hdus[1].getHeader().getLongValue("BZERO");
            long flaggedBits = 0;
            for (int y = 0; y < 1024; y++) {
                for (int x = 0; x < 1032; x++) {
                    flaggedBits += dq[y][x] + bzero == 0 ? 0 : 1;
                }
            }
            assertEquals(expected.flagged().size(), flaggedBits, "one non-zero value per flagged pixel");
            for (PixelHealth p : expected.flagged()) {
                long want = (p.has(PixelState.HOT) ? DqFlags.HOT : 0) | (p.has(PixelState.WARM) ? DqFlags.WARM : 0)
                        | (p.has(PixelState.DEAD) ? DqFlags.DEAD : 0)
                        | (p.has(PixelState.NOISY) || p.has(PixelState.JUMPY) ? DqFlags.OTHER_BAD_PIXEL : 0);
                assertEquals(want, dq[p.row() - 1][p.col() - 1] + bzero, p.toString());
            }
            nom.tam.fits.BinaryTableHDU definitions = (nom.tam.fits.BinaryTableHDU) hdus[2];
            assertEquals("DQ_DEF", definitions.getHeader().getStringValue("EXTNAME"));
            assertEquals(List.of("DEAD", "HOT", "WARM", "OTHER_BAD_PIXEL"), java.util.stream.IntStream
                    .range(0, definitions.getNRows()).mapToObj(r -> definitions.getData().getString(r, 2).strip())
                    .toList());
        }
        java.nio.file.Files.write(Path.of("target", "health-mask.fits"), body);
        org.miri.pixeldb.api.region.RegionTestSupport.fitsverify(body);
    }

    /** With the RAMP product loaded, each pixel's jumps per integration are judged too (JUMPY), from its GROUPDQ. */
    @Test
    void theCorrectedRampsAddTheJumpCounts() throws Exception {
        String name = "HEALTH_JUMPS";
        PipelineLoader.load(db, SharedExposure.file(SharedExposure.RATEINTS), "health/"
                + SharedExposure.RATEINTS.replace(SharedExposure.NAME, name));
        assertTrue(evaluation.evaluate(name));
        Path ramp = SharedExposure.file(SharedExposure.RAMP);
        PipelineLoader.load(db, ramp, "health/" + SharedExposure.RAMP.replace(SharedExposure.NAME, name));
        assertTrue(evaluation.evaluate(name), "the RAMP product loaded: evaluated again, with the jumps");
        ExposureSlopes slopes = fromFile(SharedExposure.file(SharedExposure.RATEINTS));
        byte[][][][] groupDq = (byte[][][][]) ExpectedFits.array(ramp, "GROUPDQ");
        List<byte[]> cubes = new ArrayList<>();
        for (byte[][][] integration : groupDq) {
            java.io.ByteArrayOutputStream cube = new java.io.ByteArrayOutputStream();
            for (byte[][] group : integration) {
                for (byte[] row : group) {
                    cube.write(row);
                }
            }
            cubes.add(cube.toByteArray());
        }
        float[] jumps = JumpCounts.meanPerIntegration(cubes, groupDq[0].length, slopes.grid().pixels());
        ExposureHealth withJumps = new HealthEvaluator(HealthThresholds.DEFAULTS)
                .evaluate(ExposureSlopes.withJumps(slopes.grid(), slopes.integrations(), jumps));
        // The writer counted the jumps at load (V15): one block per science chunk, read instead of GROUPDQ.
        assertTrue(count("select count(*) from jump_count_block j join product p on p.id = j.product_id join exposure e"
                + " on e.id = p.exposure_id where e.name = '" + name + "'") > 0);
        servedEquals(name, withJumps);
        // A RAMP product loaded before V15 has no counts: its GROUPDQ is counted, to the same health.
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("delete from jump_count_block j using product p, exposure e where"
                    + " p.id = j.product_id and e.id = p.exposure_id and e.name = '" + name + "'");
            connection.createStatement().execute("delete from exposure_health h using exposure e where"
                    + " e.id = h.exposure_id and e.name = '" + name + "'");
        }
        assertTrue(evaluation.evaluate(name));
        servedEquals(name, withJumps);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = db.getConnection();
             java.sql.ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void servedEquals(String name, ExposureHealth withJumps) {
        JsonPath page = given().queryParam("exposure", name).queryParam("limit", 10000).when()
                .get("/api/v1/detectors/" + detector + "/health").then().statusCode(200).extract().jsonPath();
        assertTrue(page.getBoolean("jumpsEvaluated"));
        withJumps.counts().forEach((state, count) -> assertEquals(count, page.getInt("counts." + state), state.name()));
        assertEquals(withJumps.flagged().stream().map(p -> List.of(p.row(), p.col(),
                p.states().stream().sorted().map(Enum::name).toList())).toList(),
                page.getList("pixels").stream().map(p -> (Map<?, ?>) p).map(p -> List.of(p.get("row"), p.get("col"),
                        p.get("states"))).toList());
        for (int i = 0; i < withJumps.flagged().size(); i++) {
            assertEquals((float) withJumps.flagged().get(i).meanJumps(), page.getFloat("pixels[" + i + "].meanJumps"));
        }
    }

    @Test
    void aPixelsHealthOverTimeNamesItsStatesInEachExposure() throws Exception {
        evaluation.evaluate(NAME);
        PixelHealth flaggedPixel = expected.flagged().get(0);
        JsonPath life = given().when().get("/api/v1/pixels/" + detector + "/" + flaggedPixel.row() + "/"
                + flaggedPixel.col() + "/health").then().statusCode(200).extract().jsonPath();
        int mine = life.getList("exposures.exposure").indexOf(NAME);
        assertEquals(flaggedPixel.states().stream().sorted().map(Enum::name).toList(),
                life.getList("exposures[" + mine + "].states"));
        assertFalse(life.getList("timeline").isEmpty());
        int healthy = 0;
        while (!expected.pixel(healthy).states().isEmpty() || expected.pixel(healthy).integrations() == 0) {
            healthy++;
        }
        PixelHealth fine = expected.pixel(healthy);
        JsonPath fineLife = given().when().get("/api/v1/pixels/" + detector + "/" + fine.row() + "/" + fine.col()
                + "/health").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), fineLife.getList("exposures[" + fineLife.getList("exposures.exposure").indexOf(NAME)
                + "].states"));
    }

    @Test
    void aStateFilterKeepsOnlyPixelsWithThoseStates() throws Exception {
        evaluation.evaluate(NAME);
        String state = expected.flagged().get(0).states().iterator().next().name();
        long want = expected.flagged().stream().filter(p -> p.states().stream().anyMatch(s -> s.name().equals(state)))
                .count();
        JsonPath page = given().queryParam("exposure", NAME).queryParam("state", state.toLowerCase())
                .queryParam("limit", 10000).when().get("/api/v1/detectors/" + detector + "/health").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(want, page.getList("pixels").size());
    }

    @Test
    void theAmplifierTrendsAreTheClippedStatisticsOfEachIntegration() throws Exception {
        evaluation.evaluate(NAME);
        String amplifiers = "/api/v1/detectors/" + detector + "/amplifiers";
        JsonPath trends = given().when().get(amplifiers).then().statusCode(200).extract().jsonPath();
        int mine = trends.getList("exposures.exposure").indexOf(NAME);
        List<Map<String, Object>> served = trends.getList("exposures[" + mine + "].amplifiers");
        assertEquals(expected.amplifierIntegrations().size(), served.size());
        assertEquals(5 * 4, served.size(), "5 integrations x 4 amplifiers");
        for (var want : expected.amplifierIntegrations()) {
            Map<String, Object> got = served.stream().filter(a -> a.get("integration").equals(want.integration())
                    && a.get("amplifier").equals(want.amplifier())).findFirst().orElseThrow();
            assertEquals((float) want.median(), ((Number) got.get("median")).floatValue());
            assertEquals((float) want.std(), ((Number) got.get("std")).floatValue());
            assertEquals(want.pixels(), got.get("pixels"));
        }
        String csv = given().queryParam("format", "csv").when().get(amplifiers).then().statusCode(200)
                .extract().asString();
        var first = expected.amplifierIntegrations().get(0);
        assertTrue(csv.startsWith("exposure,date_obs,readpatt,product,integration,amplifier,median,std,"), csv);
        assertTrue(csv.lines().anyMatch(line -> line.startsWith(NAME + ",") && line.contains(",RATEINTS,"
                + first.integration() + "," + first.amplifier() + "," + FloatText.csv((float) first.median()) + ","
                + FloatText.csv((float) first.std()) + ",")), csv);
        // DATE-OBS of the shared exposure is 2018-03-08: a later 'from' leaves it out.
        assertFalse(given().queryParam("from", "2019-01-01").when().get(amplifiers).then().statusCode(200)
                .extract().jsonPath().getList("exposures.exposure").contains(NAME));
        given().queryParam("from", "2019-01-01").queryParam("to", "2018-01-01").when().get(amplifiers).then()
                .statusCode(400).body("parameter", equalTo("from"));
        given().queryParam("format", "fits").when().get(amplifiers).then().statusCode(400)
                .body("parameter", equalTo("format"));
    }

    /**
     * Three copies of the exposure with one DATE-OBS are ordered by name. The first has no previous exposure: each
     * flagged pixel is a change. The second equals it: no change. A copy arriving late before both has its own changes
     * and takes the first's away (republished: none).
     */
    @Test
    void pixelStateChangesGoToTheTopicOnlyWhereTheStatesDifferFromThePreviousExposure() throws Exception {
        for (String copy : List.of("HEALTH_A1", "HEALTH_A2")) {
            PipelineLoader.load(db, SharedExposure.file(SharedExposure.RATEINTS), "health/"
                    + SharedExposure.RATEINTS.replace(SharedExposure.NAME, copy));
            evaluation.evaluate(copy);
        }
        Map<String, List<PixelHealthChange>> published = pixelHealthRecords();
        List<PixelHealth> flagged = expected.flagged();
        assertEquals(flagged.size(), published.get("HEALTH_A1").size());
        for (int i = 0; i < flagged.size(); i++) {
            PixelHealthChange change = published.get("HEALTH_A1").get(i);
            assertEquals(List.of(flagged.get(i).row(), flagged.get(i).col()), List.of(change.getRow(), change.getCol()));
            assertEquals(flagged.get(i).states().stream().sorted().map(Enum::name).toList(), change.getStates());
            assertEquals(null, change.getPreviousExposure());
            assertEquals(List.of(), change.getPreviousStates());
            assertEquals(detector + "/" + change.getRow() + "/" + change.getCol(), keyOf(change));
        }
        assertFalse(published.containsKey("HEALTH_A2"), "the same states as the previous exposure: no change");

        PipelineLoader.load(db, SharedExposure.file(SharedExposure.RATEINTS), "health/"
                + SharedExposure.RATEINTS.replace(SharedExposure.NAME, "HEALTH_A0"));
        evaluation.evaluate("HEALTH_A0");
        Map<String, List<PixelHealthChange>> after = pixelHealthRecords();
        assertEquals(flagged.size(), after.get("HEALTH_A0").size(), "the late exposure's own changes");
        assertEquals(flagged.size(), after.get("HEALTH_A1").size(), "HEALTH_A1's changes recomputed: none more");
        JsonPath timeline = given().when().get("/api/v1/pixels/" + detector + "/" + flagged.get(0).row() + "/"
                + flagged.get(0).col() + "/health").then().statusCode(200).extract().jsonPath();
        List<String> exposures = timeline.getList("exposures.exposure");
        assertEquals(List.of("HEALTH_A0", "HEALTH_A1", "HEALTH_A2"), exposures.subList(0, 3));
        assertEquals("HEALTH_A0", timeline.getString("timeline[0].fromExposure"));
    }

    private Map<String, List<PixelHealthChange>> pixelHealthRecords() {
        Map<String, List<PixelHealthChange>> byExposure = new java.util.TreeMap<>();
        for (PixelHealthTopic.Published p : PixelHealthTopic.all(bootstrapServers)) {
            keys.put(p.change(), p.key());
            byExposure.computeIfAbsent(p.change().getExposure(), e -> new ArrayList<>()).add(p.change());
        }
        byExposure.values().forEach(list -> list.sort(java.util.Comparator.comparing(PixelHealthChange::getRow)
                .thenComparing(PixelHealthChange::getCol)));
        return byExposure;
    }

    private final Map<PixelHealthChange, String> keys = new java.util.IdentityHashMap<>();

    private String keyOf(PixelHealthChange change) {
        return keys.get(change);
    }

    @Test
    void badRequestsAreNamed() {
        String health = "/api/v1/detectors/" + detector + "/health";
        given().when().get(health).then().statusCode(400).body("parameter", equalTo("exposure"));
        given().queryParam("exposure", NAME).queryParam("state", "SPARKLY").when().get(health).then().statusCode(400)
                .body("parameter", equalTo("state"));
        given().queryParam("exposure", "NO_SUCH_EXPOSURE").when().get(health).then().statusCode(404)
                .body("parameter", equalTo("exposure"));
        String other = detector.equals("MIRIMAGE") ? "MIRIFULONG" : "MIRIMAGE";
        given().queryParam("exposure", NAME).when().get("/api/v1/detectors/" + other + "/health").then()
                .statusCode(404).body("parameter", equalTo("exposure"));
        given().queryParam("exposure", NAME).queryParam("stat", "HOT").when().get(health).then().statusCode(400)
                .body("parameter", equalTo("stat"));
        given().queryParam("exposure", NAME).queryParam("cursor", "zzz").when().get(health).then().statusCode(400)
                .body("parameter", equalTo("cursor"));
        given().when().get("/api/v1/pixels/" + detector + "/1025/5/health").then().statusCode(400)
                .body("parameter", equalTo("row"));
    }

    @Test
    void anExposureWithoutLoadedSlopesHasNoHealthYetAndSaysWhy() throws Exception {
        // Corrected ramps alone: no slopes, and no raw ramps to fit quick-look slopes to.
        String ramp = "HEALTH_RAMP_ONLY";
        PipelineLoader.load(db, SharedExposure.file(SharedExposure.RAMP), "health/"
                + SharedExposure.RAMP.replace(SharedExposure.NAME, ramp));
        assertFalse(evaluation.evaluate(ramp));
        given().queryParam("exposure", ramp).when().get("/api/v1/detectors/" + detector + "/health").then()
                .statusCode(404).body("message", org.hamcrest.Matchers.containsString("RAW, RATEINTS or RATE"));
    }

    @Test
    void deletingTheExposureDeletesItsHealth() throws Exception {
        String copy = "HEALTH_DELETED";
        PipelineLoader.load(db, SharedExposure.file(SharedExposure.RATEINTS), "health/"
                + SharedExposure.RATEINTS.replace(SharedExposure.NAME, copy));
        assertTrue(evaluation.evaluate(copy));
        String id = scalar("select id from exposure where name = '" + copy + "'");
        assertEquals(String.valueOf(expected.flagged().size()), scalar("select count(*) from pixel_health"
                + " where exposure_id = " + id));
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("with gone as (delete from exposure where id = " + id
                    + " returning name) select forget_exposure(name) from gone");
        }
        for (String table : List.of("exposure_health", "pixel_health", "amplifier_health")) {
            assertEquals("0", scalar("select count(*) from " + table + " where exposure_id = " + id), table);
        }
    }

    /** The RATEINTS's SCI and DQ (uint32, stored as int32 with BZERO 2^31) and its place on the frame. */
    static ExposureSlopes fromFile(Path rateints) throws Exception {
        float[][][] sci = (float[][][]) ExpectedFits.array(rateints, "SCI");
        int[][][] dq = (int[][][]) ExpectedFits.array(rateints, "DQ");
        long bzero = ExpectedFits.bzero(rateints, "DQ");
        Header primary;
        try (Fits fits = new Fits(rateints.toFile())) {
            primary = fits.getHDU(0).getHeader();
        }
        DetectorGrid grid = DetectorGrid.fromSubarray(primary.getIntValue("SUBSTRT1"), primary.getIntValue("SUBSTRT2"),
                primary.getIntValue("SUBSIZE1"), primary.getIntValue("SUBSIZE2"));
        List<IntegrationSlopes> integrations = new ArrayList<>();
        for (int i = 0; i < sci.length; i++) {
            float[] slopes = new float[grid.pixels()];
            int[] flags = new int[grid.pixels()];
            for (int y = 0; y < grid.rows(); y++) {
                for (int x = 0; x < grid.cols(); x++) {
                    slopes[y * grid.cols() + x] = sci[i][y][x];
                    flags[y * grid.cols() + x] = (int) (dq[i][y][x] + bzero);
                }
            }
            integrations.add(new IntegrationSlopes(slopes, flags));
        }
        return ExposureSlopes.of(grid, integrations);
    }

    private String scalar(String sql) throws Exception {
        try (Connection connection = db.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
