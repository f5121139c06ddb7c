package org.miri.pixeldb.splitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Issue 13, item 11: a dead intake thread made no health check fail; the service answered UP and split nothing. */
class IntakeLivenessTest {

    @Test
    void downOnceTheIntakeThreadHasStopped() {
        assertEquals(HealthCheckResponse.Status.UP, IntakeLiveness.of(true).getStatus());
        HealthCheckResponse dead = IntakeLiveness.of(false);
        assertEquals(HealthCheckResponse.Status.DOWN, dead.getStatus());
        assertEquals("the intake thread has stopped: no object is split", dead.getData().orElseThrow().get("error"));
    }
}
