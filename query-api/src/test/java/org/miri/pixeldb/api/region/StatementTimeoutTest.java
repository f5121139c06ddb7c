package org.miri.pixeldb.api.region;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.miri.pixeldb.api.testdata.SyntheticExposures;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * Issue 13, item 5: a statement timeout inside a streamed answer surfaced as a 200 cut short. The strip table is
 * locked by another transaction, so the answer's own query waits past the timeout, before any row: every format of
 * ramps, slopes and flags must then be the documented 503 with its JSON error.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestProfile(StatementTimeoutTest.ShortStatements.class)
class StatementTimeoutTest {

    public static class ShortStatements implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pixeldb.api.statement-timeout", "PT1S");
        }
    }

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ramps, json, raw_ramp_strip", "ramps, csv, raw_ramp_strip", "ramps, fits, raw_ramp_strip",
        "slopes, json, slope_strip", "slopes, fits, slope_strip", "flags?flag=JUMP_DET, csv, pixeldq_strip"})
    void aTimeoutBeforeTheFirstRowIsA503(String endpoint, String format, String table) throws Exception {
        SyntheticExposures.load(db);
        try (Connection locker = db.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("lock table " + table + " in access exclusive mode");
            String path = "/api/v1/exposures/" + SyntheticExposures.FULONG + "/" + endpoint;
            Response response = given().queryParam("format", format).get(path);
            assertEquals(503, response.statusCode(), response.asString());
            assertTrue(response.contentType().startsWith("application/json"), response.contentType());
            assertTrue(response.jsonPath().getString("message").contains("statement timeout"), response.asString());
            locker.rollback();
        }
    }
}
