package org.miri.pixeldb.api.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.miri.pixeldb.api.testdata.ExpectedFits;
import org.miri.pixeldb.api.testdata.PipelineLoader;
import org.miri.pixeldb.api.testdata.TestTokens;
import org.miri.pixeldb.health.state.IndependentRules;
import org.miri.pixeldb.health.state.PixelState;
import org.miri.pixeldb.model.DqFlags;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.synth.CorrectedProducts;
import org.miri.pixeldb.stack.synth.Defect;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.JwstRawLayout;
import org.miri.pixeldb.stack.synth.Product;
import org.miri.pixeldb.stack.synth.Scene;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * Issue 14's acceptance on a synthetic dated series with known truth: eight SUB64 exposures of a flat field (5
 * integrations of 10 groups, one a day), each loaded as uncal, ramp and rateints, with two injected pixels of every
 * defect kind and one pixel HOT in exposures 4-6 only. Per exposure and state the served pixels equal health-core's
 * independent second implementation of the rules run on the files' own SCI, DQ and GROUPDQ; every injected defect is
 * found; the pixel that turns hot shows exactly that in its timeline and on {@code pixeldb.pixel-health}, and again
 * after one of its HOT exposures is deleted.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthSeriesTest {

    private static final int EXPOSURES = 8;
    private static final Subarray SUB64 = Subarray.named("SUB64").orElseThrow();
    private static final Defect TURNS_HOT = Defect.parse("HOT:820:15:4-6");
    private static final List<Defect> DEFECTS = List.of(Defect.parse("HOT:790:10"), Defect.parse("HOT:830:11"),
            Defect.parse("WARM:795:21"), Defect.parse("WARM:835:22"), Defect.parse("DEAD:800:32"),
            Defect.parse("DEAD:838:33"), Defect.parse("NOISY:805:43"), Defect.parse("NOISY:825:44"),
            Defect.parse("JUMPY:810:54"), Defect.parse("JUMPY:815:55"), TURNS_HOT);

    DataSource db = RealServers.shared().superuserDataSource();
    @ConfigProperty(name = "pixeldb.kafka.bootstrap-servers")
    String bootstrapServers;
    @Inject
    HealthEvaluation evaluation;
    private final Map<String, IndependentRules.Result> truth = new HashMap<>();

    @BeforeAll
    void loadTheSeriesInDateOrder() throws Exception {
        Path folder = Files.createTempDirectory("health-series");
        Scene scene = new Scene(1000, DEFECTS, 1);
        for (int n = 1; n <= EXPOSURES; n++) {
            ExposureSpec spec = new ExposureSpec(name(n), SUB64, 5, 10, "MIRIMAGE", 500 + n, scene.inSeries(n));
            Path uncal = JwstRawLayout.write(spec, folder);
            Map<Product, Path> corrected = CorrectedProducts.write(spec, folder, Set.of(Product.RAMP,
                    Product.RATEINTS), true, false);
            for (Path file : List.of(uncal, corrected.get(Product.RAMP), corrected.get(Product.RATEINTS))) {
                PipelineLoader.load(db, file, "series/" + file.getFileName());
            }
            evaluation.evaluate(name(n));
            truth.put(name(n), independently(corrected.get(Product.RATEINTS), corrected.get(Product.RAMP)));
        }
    }

    @AfterAll
    void deleteTheSeries() throws Exception {
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("with gone as (delete from exposure where name like 'HSERIES\\_%' returning name)"
                    + " select forget_exposure(name) from gone");
        }
    }

    @Test
    @Order(1)
    void perExposureAndStateTheServedPixelsAreTheIndependentRulesPixels() {
        Map<PixelState, int[]> tally = new EnumMap<>(PixelState.class); // {both, served only, truth only}
        for (int n = 1; n <= EXPOSURES; n++) {
            JsonPath page = given().queryParam("exposure", name(n)).queryParam("limit", 10000).when()
                    .get("/api/v1/detectors/MIRIMAGE/health").then().statusCode(200).extract().jsonPath();
            assertEquals("RATEINTS", page.getString("product"), name(n));
            Map<Integer, Set<PixelState>> served = served(page);
            for (PixelState state : PixelState.values()) {
                int[] t = tally.computeIfAbsent(state, s -> new int[3]);
                Set<Integer> got = withState(served, state);
                Set<Integer> want = withState(truth.get(name(n)).states(), state);
                got.forEach(p -> t[want.contains(p) ? 0 : 1]++);
                want.stream().filter(p -> !got.contains(p)).forEach(p -> t[2]++);
            }
        }
        for (var entry : tally.entrySet()) {
            int[] t = entry.getValue();
            double precision = t[0] + t[1] == 0 ? 1 : t[0] / (double) (t[0] + t[1]);
            double recall = t[0] + t[2] == 0 ? 1 : t[0] / (double) (t[0] + t[2]);
            System.out.printf("health series %s: %d found by both, %d served only, %d truth only;"
                    + " precision %.3f, recall %.3f%n", entry.getKey(), t[0], t[1], t[2], precision, recall);
            assertTrue(precision >= 0.99 && recall >= 0.99, entry.getKey() + ": precision " + precision
                    + ", recall " + recall);
            assertTrue(t[0] >= 2 * EXPOSURES, entry.getKey() + ": the injected pixels of every exposure, " + t[0]);
        }
    }

    @Test
    @Order(1)
    void everyInjectedDefectIsFoundInItsExposures() {
        for (int n = 1; n <= EXPOSURES; n++) {
            Map<Integer, Set<PixelState>> served = served(given().queryParam("exposure", name(n))
                    .queryParam("limit", 10000).when().get("/api/v1/detectors/MIRIMAGE/health").then().statusCode(200)
                    .extract().jsonPath());
            for (Defect d : DEFECTS) {
                Set<PixelState> states = served.getOrDefault(index(d.row(), d.col()), Set.of());
                boolean injected = n >= d.firstExposure() && n <= d.lastExposure();
                assertEquals(injected, states.contains(PixelState.valueOf(d.kind().name())),
                        d + " in " + name(n) + ": " + states);
            }
        }
    }

    @Test
    @Order(1)
    void aPixelHotInExposuresFourToSixShowsExactlyThatInItsTimelineAndOnTheTopic() {
        assertEquals(List.of("[] from 1 to 3", "[HOT] from 4 to 6", "[] from 7 to 8"), turningPixelsTimeline());
        assertEquals(List.of("4 [HOT] after 3 []", "7 [] after 6 [HOT]"), turningPixelsChanges());
    }

    /** The changes endpoint lists the turning pixel exactly where it turns, against the exposure before. */
    @Test
    @Order(1)
    void theChangesEndpointListsTheTurningPixelInTheExposuresWhereItTurns() {
        for (int n = 1; n <= EXPOSURES; n++) {
            JsonPath page = given().queryParam("exposure", name(n)).when()
                    .get("/api/v1/detectors/MIRIMAGE/health/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> changes = page.getList("changes");
            assertEquals(page.getInt("count"), changes.size(), "not truncated at the default limit");
            List<String> turning = changes.stream().filter(c -> c.get("row").equals(TURNS_HOT.row())
                    && c.get("col").equals(TURNS_HOT.col())).map(c -> c.get("states") + " after "
                    + c.get("previousStates") + " of " + c.get("previousExposure")).toList();
            List<String> expected = n == 4 ? List.of("[HOT] after [] of " + name(3))
                    : n == 7 ? List.of("[] after [HOT] of " + name(6)) : List.of();
            assertEquals(expected, turning, name(n));
        }
        JsonPath first = given().queryParam("exposure", name(4)).queryParam("limit", 1).when()
                .get("/api/v1/detectors/MIRIMAGE/health/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(1, first.getList("changes").size());
        assertEquals(first.getInt("count") > 1, first.getBoolean("truncated"));
        given().when().get("/api/v1/detectors/MIRIMAGE/health/changes").then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.equalTo("exposure"));
        given().queryParam("exposure", "NO_SUCH").when().get("/api/v1/detectors/MIRIMAGE/health/changes").then()
                .statusCode(404);
    }

    /** The served trends equal the independent astropy-like clipping (3 sigma, 5 iterations) within 1e-3 relative. */
    @Test
    @Order(1)
    void theAmplifierMediansAndDeviationsAreTheIndependentClippedStatistics() {
        JsonPath trends = given().queryParam("from", "2026-11-25").queryParam("to", "2026-12-03").when()
                .get("/api/v1/detectors/MIRIMAGE/amplifiers").then().statusCode(200).extract().jsonPath();
        int compared = 0;
        for (int n = 1; n <= EXPOSURES; n++) {
            int e = trends.getList("exposures.exposure").indexOf(name(n));
            assertTrue(e >= 0, name(n) + " has trends");
            for (Map<String, Object> a : trends.<Map<String, Object>>getList("exposures[" + e + "].amplifiers")) {
                double[] want = truth.get(name(n)).amplifiers().get(a.get("integration") + "/" + a.get("amplifier"));
                assertEquals(want[0], ((Number) a.get("median")).doubleValue(), 1e-3 * Math.abs(want[0]), name(n) + a);
                assertEquals(want[1], ((Number) a.get("std")).doubleValue(), 1e-3 * Math.abs(want[1]), name(n) + a);
                assertEquals((int) want[2], a.get("pixels"), name(n) + a);
                compared++;
            }
        }
        assertEquals(EXPOSURES * 5 * 4, compared, "every exposure, integration and amplifier");
    }

    /** Deleting exposure 4 shortens the HOT run, and exposure 5's changes are published again against exposure 3. */
    @Test
    @Order(2)
    void deletingAnExposureRecomputesTheTimelineAndRepublishesTheNextExposuresChanges() throws Exception {
        given().header("Authorization", "Bearer " + TestTokens.admin(db)).when()
                .delete("/api/v1/exposures/" + name(4)).then().statusCode(200);
        given().queryParam("exposure", name(4)).when().get("/api/v1/detectors/MIRIMAGE/health").then()
                .statusCode(404);
        assertEquals(List.of("[] from 1 to 3", "[HOT] from 5 to 6", "[] from 7 to 8"), turningPixelsTimeline());
        assertEquals(List.of("4 [HOT] after 3 []", "5 [HOT] after 3 []", "7 [] after 6 [HOT]"), turningPixelsChanges());
    }

    /** The turning pixel's runs of equal states in this series, as "[states] from n to m". */
    private List<String> turningPixelsTimeline() {
        JsonPath life = given().when().get("/api/v1/pixels/MIRIMAGE/" + TURNS_HOT.row() + "/" + TURNS_HOT.col()
                + "/health").then().statusCode(200).extract().jsonPath();
        List<String> runs = new ArrayList<>();
        for (Map<String, Object> period : life.<Map<String, Object>>getList("timeline")) {
            if (((String) period.get("fromExposure")).startsWith("HSERIES_")) {
                runs.add(period.get("states") + " from " + number(period.get("fromExposure")) + " to "
                        + number(period.get("toExposure")));
            }
        }
        return runs;
    }

    /** The turning pixel's changes on the topic, distinct, as "n [states] after m [previous states]". */
    private List<String> turningPixelsChanges() {
        return PixelHealthTopic.all(bootstrapServers).stream().map(PixelHealthTopic.Published::change)
                .filter(c -> c.getExposure().startsWith("HSERIES_") && c.getRow() == TURNS_HOT.row()
                        && c.getCol() == TURNS_HOT.col())
                .map(c -> number(c.getExposure()) + " " + c.getStates() + " after " + number(c.getPreviousExposure())
                        + " " + c.getPreviousStates()).distinct().sorted().toList();
    }

    private static String number(Object exposure) {
        return String.valueOf(exposure).substring("HSERIES_".length());
    }

    private static String name(int n) {
        return "HSERIES_" + n;
    }

    /** Pixel index in the SUB64 grid, row-major from (779, 1). */
    private static int index(int row, int col) {
        return (row - SUB64.substrt2()) * SUB64.subsize1() + col - SUB64.substrt1();
    }

    private static Map<Integer, Set<PixelState>> served(JsonPath page) {
        Map<Integer, Set<PixelState>> served = new HashMap<>();
        for (Map<String, Object> p : page.<Map<String, Object>>getList("pixels")) {
            Set<PixelState> states = new HashSet<>();
            ((List<?>) p.get("states")).forEach(s -> states.add(PixelState.valueOf((String) s)));
            served.put(index((Integer) p.get("row"), (Integer) p.get("col")), states);
        }
        return served;
    }

    private static Set<Integer> withState(Map<Integer, Set<PixelState>> states, PixelState state) {
        Set<Integer> pixels = new HashSet<>();
        states.forEach((p, s) -> {
            if (s.contains(state)) {
                pixels.add(p);
            }
        });
        return pixels;
    }

    /** The rules run a second time, by health-core's independent implementation, on the files' own arrays. */
    private static IndependentRules.Result independently(Path rateints, Path ramp) throws Exception {
        float[][][] sci = (float[][][]) ExpectedFits.array(rateints, "SCI");
        int[][][] dq = (int[][][]) ExpectedFits.array(rateints, "DQ");
        long bzero = ExpectedFits.bzero(rateints, "DQ");
        byte[][][][] groupdq = (byte[][][][]) ExpectedFits.array(ramp, "GROUPDQ");
        int rows = sci[0].length;
        int cols = sci[0][0].length;
        List<float[]> slopes = new ArrayList<>();
        List<int[]> flags = new ArrayList<>();
        int[] jumpGroups = new int[rows * cols];
        for (int i = 0; i < sci.length; i++) {
            float[] s = new float[rows * cols];
            int[] f = new int[rows * cols];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    s[y * cols + x] = sci[i][y][x];
                    f[y * cols + x] = (int) (dq[i][y][x] + bzero);
                    for (byte[][] group : groupdq[i]) {
                        jumpGroups[y * cols + x] += (group[y][x] & DqFlags.JUMP_DET) != 0 ? 1 : 0;
                    }
                }
            }
            slopes.add(s);
            flags.add(f);
        }
        float[] jumps = new float[rows * cols];
        for (int p = 0; p < jumps.length; p++) {
            jumps[p] = jumpGroups[p] / (float) sci.length;
        }
        return IndependentRules.apply(SUB64.substrt1(), cols, slopes, flags, jumps);
    }
}
