package org.miri.pixeldb.api.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.api.testdata.TestTokens;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/** A job priced above pixeldb.api.export-max-bytes is refused before it starts; parts follow export-part-bytes. */
@QuarkusTest
@TestProfile(ExportLimitTest.SmallLimits.class)
@QuarkusTestResource(RealServersTestResource.class)
class ExportLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A SUB64 RAW row of one integration: 72 ramps of 50 samples, 72 x (32 + 100) = 9,504 bytes.
            return Map.of("pixeldb.api.export-max-bytes", "2000000", "pixeldb.api.export-part-bytes", "100000");
        }
    }

    DataSource db = RealServers.shared().superuserDataSource();

    @Test
    void aJobAboveTheLimitIsRefusedWithItsPriceAndPartsFollowThePartSize() throws Exception {
        SharedExposure.load(db, SharedExposure.NAME);
        String token = TestTokens.exporter(db);
        String raw = "{\"exposures\": [\"" + SharedExposure.NAME + "\"], \"products\": [\"RAW\"]}";
        // 5 x 64 x 72 ramps of 132 bytes: 3,041,280 bytes, above 2,000,000.
        given().auth().oauth2(token).contentType("application/json").body(raw).when().post("/api/v1/exports").then()
                .statusCode(413).body("parameter", equalTo("exposures"))
                .body("message", containsString("priced at 3041280 bytes of values (23040 rows in"));
        // One integration: 64 rows of 9,504 bytes, in bands of 10 rows (95,040 bytes, below 100,000): 7 parts.
        given().auth().oauth2(token).contentType("application/json")
                .body(raw.replace("}", ", \"integration\": \"3\"}")).when().post("/api/v1/exports").then()
                .statusCode(202).body("parts", equalTo(7)).body("pricedRows", equalTo(4608));
    }
}
