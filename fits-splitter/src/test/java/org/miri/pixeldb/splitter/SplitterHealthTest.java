package org.miri.pixeldb.splitter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServersTestResource;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SplitterHealthTest {

    @Test
    void readyWhenKafkaAndTheBucketAnswer() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("kafka", "s3"))
                .body("checks.find { it.name == 's3' }.data.bucket", is("pixeldb-test"));
    }

    @Test
    void liveWhileTheIntakeThreadRuns() {
        given().when().get("/q/health/live").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("intake"));
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }
}
