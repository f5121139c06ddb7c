package org.miri.pixeldb.api.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.miri.pixeldb.api.testdata.ExpectedFits;
import org.miri.pixeldb.api.testdata.PipelineLoader;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.health.state.DetectorGrid;
import org.miri.pixeldb.health.state.ExposureHealth;
import org.miri.pixeldb.health.state.ExposureSlopes;
import org.miri.pixeldb.health.state.HealthEvaluator;
import org.miri.pixeldb.health.state.HealthThresholds;
import org.miri.pixeldb.health.state.IntegrationSlopes;
import org.miri.pixeldb.model.DqFlags;
import org.miri.pixeldb.stack.ingest.HealthWatch;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * Issue 14, item 1: the shared SUB64 exposure's raw product alone gets quick-look slopes (a QUICKLOOK product) equal
 * to a least-squares fit computed here from the uncal file's ramps read with nom-tam-fits, its health is evaluated
 * from them and served; a RATEINTS loaded afterwards replaces them as the input of the health, and they stay served.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickLookTest {

    private static final String NAME = "QUICKLOOK_SUB64";
    private static final int SATURATION_DN = 65_000;

    DataSource db = RealServers.shared().superuserDataSource();
    @Inject
    HealthEvaluation evaluation;
    private ExposureSlopes fitted;
    private String detector;

    @BeforeAll
    void loadTheRawProductAndFitItsRampsHere() throws Exception {
        Path uncal = SharedExposure.file(SharedExposure.RAW);
        PipelineLoader.load(db, uncal, "quicklook/" + NAME + "_pipe.fits");
        fitted = fit(uncal);
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("select d.name from"
                + " exposure e join detector d on d.sca_id = e.sca_id where e.name = '" + NAME + "'")) {
            rs.next();
            detector = rs.getString(1);
        }
    }

    @AfterAll
    void deleteTheExposure() throws Exception {
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("with gone as (delete from exposure where name = '" + NAME
                    + "' returning name) select forget_exposure(name) from gone");
        }
    }

    @Test
    @Order(0)
    void theRawProductWaitsForPipelineSlopesBeforeItsFit() throws Exception {
        Duration wait = evaluation.quickLookWait(NAME, Duration.ofHours(1)).orElseThrow();
        assertTrue(wait.compareTo(Duration.ofMinutes(55)) > 0 && wait.compareTo(Duration.ofHours(1)) <= 0,
                "loaded moments ago, it waits about the hour: " + wait);
        assertEquals(Optional.empty(), evaluation.quickLookWait(NAME, Duration.ZERO), "no delay: the fit is due");
    }

    @Test
    @Order(1)
    void theQuickLookSlopesEqualALeastSquaresFitOfTheFilesRamps() throws Exception {
        assertTrue(evaluation.evaluate(NAME));
        assertEquals(Optional.empty(), evaluation.quickLookWait(NAME, Duration.ofHours(1)), "fitted: nothing waits");
        assertFalse(evaluation.evaluate(NAME), "fitted and evaluated once per RAW version");
        DetectorGrid grid = fitted.grid();
        int compared = 0;
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("select integration, row, col,"
                + " sci, dq, err from slope_v where exposure = ? and kind = 'QUICKLOOK' order by 1, 2, 3")) {
            q.setString(1, NAME);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    IntegrationSlopes plane = fitted.integrations().get(rs.getInt(1) - 1);
                    int p = (rs.getInt(2) - grid.firstRow()) * grid.cols() + rs.getInt(3) - grid.firstCol();
                    float want = plane.slopes()[p];
                    float got = rs.getFloat(4);
                    // float32 tolerance; 1e-9 DN/s where the exact slope is 0 and the double sums here leave a residue.
                    assertTrue(Float.isNaN(want) ? Float.isNaN(got)
                                    : Math.abs(got - want) <= Math.max(2 * Math.ulp(want), 1e-9),
                            "pixel " + rs.getInt(2) + "," + rs.getInt(3) + " integration " + rs.getInt(1) + ": " + got
                                    + " against " + want);
                    assertEquals(plane.dq()[p], rs.getInt(5));
                    assertTrue(Float.isNaN(rs.getFloat(6)), "a quick look estimates no ERR");
                    compared++;
                }
            }
        }
        assertEquals(fitted.integrations().size() * grid.pixels(), compared, "every ramp has its slope");
    }

    @Test
    @Order(2)
    void theHealthIsEvaluatedFromTheQuickLookSlopesAndServed() throws Exception {
        evaluation.evaluate(NAME);
        ExposureHealth expected = new HealthEvaluator(HealthThresholds.DEFAULTS).evaluate(fitted);
        JsonPath page = given().queryParam("exposure", NAME).when().get("/api/v1/detectors/" + detector + "/health")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("QUICKLOOK", page.getString("product"));
        expected.counts().forEach((state, n) -> assertEquals(n, page.getInt("counts." + state), state.name()));
        assertTrue(expected.flagged().size() > 0, "the quick-look slopes flag pixels to compare");
        // Served wherever slopes are: the region's slope images and a pixel's life.
        JsonPath region = given().queryParam("product", "QUICKLOOK").queryParam("rows", "800:801")
                .queryParam("cols", "10:11").when().get("/api/v1/exposures/" + NAME + "/slopes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("QUICKLOOK", region.getString("product"));
        given().queryParam("include", "slopes").when().get("/api/v1/pixels/" + detector + "/800/10").then()
                .statusCode(200).body("exposures.find { it.name == '" + NAME + "' }.slopes[0].kind",
                        org.hamcrest.Matchers.equalTo("QUICKLOOK"));
    }

    @Test
    @Order(3)
    void aRateintsLoadedLaterReplacesTheQuickLookAsTheHealthsInput() throws Exception {
        Path rateints = SharedExposure.file(SharedExposure.RATEINTS);
        PipelineLoader.load(db, rateints, "quicklook/" + NAME + "_pipe_rateints.fits");
        try (Connection connection = db.getConnection()) {
            // What ./pixeldb bench waits for: the health of the final versions, not the quick-look one stored before.
            HealthWatch bench = new HealthWatch(connection);
            assertEquals(Optional.empty(), bench.awaitHealth(NAME, Duration.ofMillis(200)));
            assertTrue(evaluation.evaluate(NAME), "a RATEINTS is a new input");
            double seconds = bench.awaitHealth(NAME, Duration.ofSeconds(5)).orElseThrow();
            assertTrue(seconds >= 0 && seconds < 60, "measured from the RATEINTS' LOADED: " + seconds);
        }
        JsonPath page = given().queryParam("exposure", NAME).when().get("/api/v1/detectors/" + detector + "/health")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("RATEINTS", page.getString("product"));
        ExposureHealth expected = new HealthEvaluator(HealthThresholds.DEFAULTS).evaluate(HealthTest.fromFile(rateints));
        expected.counts().forEach((state, n) -> assertEquals(n, page.getInt("counts." + state), state.name()));
        given().when().get("/api/v1/exposures/" + NAME + "/slopes?product=QUICKLOOK&rows=800&cols=10").then()
                .statusCode(200);
    }

    /** OLS of DN against g x TGROUP over groups 2..NGROUPS-1 (1-based), samples >= 65,000 DN left out. */
    private static ExposureSlopes fit(Path uncal) throws Exception {
        short[][][][] sci = (short[][][][]) ExpectedFits.array(uncal, "SCI");
        Header primary;
        try (Fits fits = new Fits(uncal.toFile())) {
            primary = fits.getHDU(0).getHeader();
        }
        double tgroup = primary.getDoubleValue("TGROUP");
        DetectorGrid grid = DetectorGrid.fromSubarray(primary.getIntValue("SUBSTRT1"), primary.getIntValue("SUBSTRT2"),
                primary.getIntValue("SUBSIZE1"), primary.getIntValue("SUBSIZE2"));
        int ngroups = sci[0].length;
        int first = ngroups <= 3 ? 0 : 1;
        int last = ngroups <= 3 ? ngroups - 1 : ngroups - 2;
        List<IntegrationSlopes> planes = new ArrayList<>();
        for (int i = 1; i <= sci.length; i++) {
            float[] slopes = new float[grid.pixels()];
            int[] dq = new int[grid.pixels()];
            for (int y = 0; y < grid.rows(); y++) {
                for (int x = 0; x < grid.cols(); x++) {
                    double n = 0, st = 0, sx = 0, stt = 0, stx = 0;
                    boolean leftOut = false;
                    for (int g = first; g <= last; g++) {
                        int dn = ExpectedFits.rawSample(sci, i, g, y, x);
                        if (dn >= SATURATION_DN) {
                            leftOut = true;
                            continue;
                        }
                        double t = g * tgroup;
                        n++;
                        st += t;
                        sx += dn;
                        stt += t * t;
                        stx += t * dn;
                    }
                    int p = y * grid.cols() + x;
                    slopes[p] = n < 2 ? Float.NaN : (float) ((n * stx - st * sx) / (n * stt - st * st));
                    dq[p] = (n < 2 ? DqFlags.DO_NOT_USE : 0) | (leftOut ? DqFlags.SATURATED : 0);
                }
            }
            planes.add(new IntegrationSlopes(slopes, dq));
        }
        return ExposureSlopes.of(grid, planes);
    }
}
