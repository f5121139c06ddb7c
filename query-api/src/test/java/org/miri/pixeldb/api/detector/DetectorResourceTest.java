package org.miri.pixeldb.api.detector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServersTestResource;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class DetectorResourceTest {

    @Test
    void listsTheThreeMiriDetectorsFromTheDatabase() {
        given().when().get("/api/v1/detectors").then()
                .statusCode(200)
                .body("scaId", contains(493, 494, 495))
                .body("name", contains("MIRIMAGE", "MIRIFULONG", "MIRIFUSHORT"));
    }

    @Test
    void readyWhenKafkaAndPostgresAnswer() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("kafka", "Database connections health check"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths.'/api/v1/detectors'.get.summary", is("The MIRI detectors: SCA_ID, name and what each is for"));
    }
}
