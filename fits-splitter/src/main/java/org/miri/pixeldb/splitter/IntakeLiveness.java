package org.miri.pixeldb.splitter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live only while the intake thread runs. It dies only on a bug (an Error, say); the process would then answer every
 * health check while splitting nothing, so it must be restarted, which is what a liveness failure asks for.
 */
@Liveness
@ApplicationScoped
public class IntakeLiveness implements HealthCheck {

    @Inject
    SplitterService service;

    @Override
    public HealthCheckResponse call() {
        return of(service.intakeRunning());
    }

    static HealthCheckResponse of(boolean running) {
        var response = HealthCheckResponse.named("intake");
        return running ? response.up().build()
                : response.withData("error", "the intake thread has stopped: no object is split").down().build();
    }
}
