package org.miri.pixeldb.api.pixel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.miri.pixeldb.api.testdata.ExpectedFits;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/** A pixel's life from the real JPL8 exposure, loaded by the pipeline's code, against the FITS files value by value. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class PixelLifeTest {

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @BeforeEach
    void load() throws Exception {
        SharedExposure.load(db, SharedExposure.NAME);
    }

    @ParameterizedTest
    @CsvSource({"779,1", "800,37", "842,72", "779,72", "842,1"})
    void everyValueOfThePixelIsTheFilesValue(int row, int col) throws Exception {
        JsonPath life = given().queryParam("subarray", "SUB64").when().get("/api/v1/pixels/MIRIMAGE/" + row + "/" + col)
                .then().statusCode(200).extract().jsonPath();
        assertEquals((row - 1) * 1032 + col, life.getInt("pixelId"));
        String e = "exposures.find { it.name == '" + SharedExposure.NAME + "' }";
        int y = row - 779;
        int x = col - 1;
        short[][][][] raw = (short[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAW), "SCI");
        float[][][][] sci = (float[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAMP), "SCI");
        float[][][][] err = (float[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAMP), "ERR");
        byte[][][][] groupdq = (byte[][][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAMP), "GROUPDQ");
        int[][] pixeldq = (int[][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RAMP), "PIXELDQ");
        float[][][] rate = (float[][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RATEINTS), "SCI");
        float[][][] rateErr = (float[][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RATEINTS), "ERR");
        int[][][] rateDq = (int[][][]) ExpectedFits.array(SharedExposure.file(SharedExposure.RATEINTS), "DQ");
        long pixeldqZero = ExpectedFits.bzero(SharedExposure.file(SharedExposure.RAMP), "PIXELDQ");
        long rateDqZero = ExpectedFits.bzero(SharedExposure.file(SharedExposure.RATEINTS), "DQ");
        assertEquals(5, life.getList(e + ".raw").size());
        assertEquals(5, life.getList(e + ".corrected").size());
        assertEquals(5, life.getList(e + ".slopes").size());
        assertEquals(pixeldq[y][x] + pixeldqZero, life.getLong(e + ".pixeldq"));
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, life.getInt(e + ".raw[" + (i - 1) + "].integration"));
            List<Integer> samples = life.getList(e + ".raw[" + (i - 1) + "].samples", Integer.class);
            List<Float> sciValues = life.getList(e + ".corrected[" + (i - 1) + "].sci", Float.class);
            List<Float> errValues = life.getList(e + ".corrected[" + (i - 1) + "].err", Float.class);
            List<Integer> dqValues = life.getList(e + ".corrected[" + (i - 1) + "].groupdq", Integer.class);
            assertEquals(50, samples.size());
            for (int g = 0; g < 50; g++) {
                assertEquals(ExpectedFits.rawSample(raw, i, g, y, x), samples.get(g), "raw " + i + "/" + g);
                assertSameFloat(sci[i - 1][g][y][x], sciValues.get(g), "sci " + i + "/" + g);
                assertSameFloat(err[i - 1][g][y][x], errValues.get(g), "err " + i + "/" + g);
                assertEquals(groupdq[i - 1][g][y][x] & 0xff, dqValues.get(g), "groupdq " + i + "/" + g);
            }
            String slope = e + ".slopes.find { it.integration == " + i + " }";
            assertSameFloat(rate[i - 1][y][x], life.getFloat(slope + ".sci"), "slope " + i);
            assertSameFloat(rateErr[i - 1][y][x], life.getFloat(slope + ".err"), "slope err " + i);
            assertEquals(rateDq[i - 1][y][x] + rateDqZero, life.getLong(slope + ".dq"), "slope dq " + i);
        }
    }

    static void assertSameFloat(float expected, Float actual, String what) {
        if (Float.isNaN(expected)) {
            assertEquals(null, actual, what + ": NaN is null");
        } else {
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), what + ": " + expected + " vs "
                    + actual);
        }
    }
}
