package org.miri.pixeldb.api.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServersTestResource;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class MetricsTest {

    @Test
    void requestLatencyIsAHistogramPerEndpointTemplate() {
        given().when().get("/api/v1/pixels/MIRIMAGE/779/1").then().statusCode(200);
        given().when().delete("/api/v1/exposures/some-odd-name-" + System.nanoTime()).then().statusCode(401);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("uri=\"/api/v1/pixels/{detector}/{row}/{col}\""))
                .body(not(containsString("some-odd-name")));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/api/v1/exposures", "/api/v1/exposures/{name}",
                        "/api/v1/exposures/{name}/ramps", "/api/v1/exposures/{name}/slopes",
                        "/api/v1/exposures/{name}/flags", "/api/v1/pixels/{detector}/{row}/{col}",
                        "/api/v1/pixels/{pixelId}", "/api/v1/pixels/{detector}/{row}/{col}/slopes", "/api/v1/flags"))
                .body("paths.'/api/v1/exposures/{name}'.delete.summary", containsString("admin"));
    }
}
