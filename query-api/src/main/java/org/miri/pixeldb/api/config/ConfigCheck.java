package org.miri.pixeldb.api.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The query API's settings checked together at start: a value that cannot work (a zero timeout, no partitions, a
 * limit below one value) stops the service with every problem named, instead of surfacing as odd answers later.
 */
public class ConfigCheck {

    private static final long MIN_RESPONSE_BYTES = 1024;

    @Inject
    ApiConfig api;

    @Inject
    StatusConfig status;

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems(api, status);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the query API's configuration cannot work: " + String.join("; ", problems));
        }
    }

    static List<String> problems(ApiConfig api, StatusConfig status) {
        List<String> problems = new ArrayList<>();
        positive(problems, "pixeldb.api.statement-timeout", api.statementTimeout());
        positive(problems, "pixeldb.api.idle-in-transaction-timeout", api.idleInTransactionTimeout());
        positive(problems, "pixeldb.api.delete-timeout", api.deleteTimeout());
        positive(problems, "pixeldb.status.retry-pause", status.retryPause());
        if (api.healthQuickLookDelay().isNegative()) {
            problems.add("pixeldb.api.health-quick-look-delay must not be negative, not " + api.healthQuickLookDelay());
        }
        if (api.maxResponseBytes() < MIN_RESPONSE_BYTES) {
            problems.add("pixeldb.api.max-response-bytes must be at least " + MIN_RESPONSE_BYTES + ", not "
                    + api.maxResponseBytes());
        }
        if (api.exportMaxBytes() < 1 || api.exportMaxExposures() < 1 || api.exportPartBytes() < MIN_RESPONSE_BYTES) {
            problems.add("pixeldb.api.export-max-bytes and export-max-exposures must be at least 1 and"
                    + " export-part-bytes at least " + MIN_RESPONSE_BYTES + ", not " + api.exportMaxBytes() + ", "
                    + api.exportMaxExposures() + " and " + api.exportPartBytes());
        }
        if (status.partitions() < 1) {
            problems.add("pixeldb.status.partitions must be at least 1, not " + status.partitions());
        }
        if (status.applicationId().isBlank()) {
            problems.add("pixeldb.status.application-id must not be empty: it names the topology's consumer group");
        }
        return problems;
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + " must be a positive duration, not " + value);
        }
    }
}
