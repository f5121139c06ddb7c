package org.miri.pixeldb.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.TestTokens;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/** With pixeldb.api.read-token-required, reads need a known token too; health and metrics stay open. */
@QuarkusTest
@TestProfile(ReadTokenRequiredTest.ReadsNeedATokenProfile.class)
@QuarkusTestResource(RealServersTestResource.class)
class ReadTokenRequiredTest {

    public static class ReadsNeedATokenProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pixeldb.api.read-token-required", "true");
        }
    }

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @Test
    void readsNeedAKnownTokenOfAnyRole() throws Exception {
        given().when().get("/api/v1/detectors").then().statusCode(401).body("parameter", is("Authorization"));
        given().auth().oauth2("unknown").when().get("/api/v1/detectors").then().statusCode(401);
        given().auth().oauth2(TestTokens.reader(db)).when().get("/api/v1/detectors").then().statusCode(200);
        given().auth().oauth2(TestTokens.reader(db)).when().delete("/api/v1/exposures/X").then().statusCode(403);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
