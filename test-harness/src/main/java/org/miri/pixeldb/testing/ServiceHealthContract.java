package org.miri.pixeldb.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service's health endpoints promise an operator (and the compose file's health checks rely on): ready
 * once its servers answer, live while its own work runs, Prometheus metrics. A service's test extends it, as a
 * {@code @QuarkusTest} against the real servers, and names its checks.
 */
public abstract class ServiceHealthContract {

    /** The readiness checks that must be UP, e.g. kafka and the database's. */
    protected abstract List<String> readinessChecks();

    /** The liveness check of the service's own work (its loop or thread). */
    protected abstract String livenessCheck();

    @Test
    void readyWhenItsServersAnswer() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems(readinessChecks().toArray(String[]::new)));
    }

    @Test
    void liveWhileItsWorkRuns() {
        given().when().get("/q/health/live").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == '" + livenessCheck() + "' }.status", is("UP"));
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
