package org.miri.pixeldb.splitter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServersTestResource;
import org.miri.pixeldb.testing.ServiceHealthContract;

/** The services' health contract for the splitter: ready once Kafka and the bucket answer, live while intake runs. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SplitterHealthTest extends ServiceHealthContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("kafka", "s3");
    }

    @Override
    protected String livenessCheck() {
        return "intake";
    }

    @Test
    void itsBucketCheckNamesTheBucket() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 's3' }.data.bucket", is("pixeldb-test"));
    }
}
