package org.miri.pixeldb.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServersTestResource;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class BearerTokenTest {

    @Test
    void theConfiguredAdminTokenHashIsRegisteredAtStart() {
        given().auth().oauth2("bootstrap-admin-token-for-tests").when().delete("/api/v1/exposures/NOT_THERE").then()
                .statusCode(404).body("parameter", is("name"));
    }

    @Test
    void changesWithoutAUsableTokenAre401AndReadsStayOpen() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().delete("/api/v1/exposures/NOT_THERE").then()
                .statusCode(401).header("WWW-Authenticate", "Bearer").body("parameter", is("Authorization"));
        given().header("Authorization", "Bearer ").when().delete("/api/v1/exposures/NOT_THERE").then()
                .statusCode(401);
        given().when().get("/api/v1/detectors").then().statusCode(200);
    }
}
