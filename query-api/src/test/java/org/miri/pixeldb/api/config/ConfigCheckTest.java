package org.miri.pixeldb.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings that cannot work are named together at start; the defaults pass. */
class ConfigCheckTest {

    @Test
    void theDefaultsPass() {
        assertEquals(List.of(), ConfigCheck.problems(api(Duration.ofSeconds(10), 268435456L), status(3, "PT2S")));
    }

    @Test
    void everyImpossibleValueIsNamed() {
        assertEquals(List.of(
                "pixeldb.api.statement-timeout must be a positive duration, not PT0S",
                "pixeldb.status.retry-pause must be a positive duration, not PT-1S",
                "pixeldb.api.health-quick-look-delay must not be negative, not PT-1S",
                "pixeldb.api.max-response-bytes must be at least 1024, not 10",
                "pixeldb.api.export-max-bytes and export-max-exposures must be at least 1 and export-part-bytes at least"
                        + " 1024, not 68719476736, 10000 and 10",
                "pixeldb.status.partitions must be at least 1, not 0"),
                ConfigCheck.problems(api(Duration.ZERO, 10L), status(0, "PT-1S")));
    }

    private static ApiConfig api(Duration statementTimeout, long maxResponseBytes) {
        return new ApiConfig() {
            public Duration statementTimeout() {
                return statementTimeout;
            }

            public Duration idleInTransactionTimeout() {
                return Duration.ofSeconds(30);
            }

            public Duration deleteTimeout() {
                return Duration.ofMinutes(5);
            }

            public long maxResponseBytes() {
                return maxResponseBytes;
            }

            public Optional<Long> assemblyMemoryBytes() {
                return Optional.empty();
            }

            public boolean readTokenRequired() {
                return false;
            }

            public boolean healthEnabled() {
                return true;
            }

            public Duration healthQuickLookDelay() {
                return statementTimeout.isZero() ? Duration.ofSeconds(-1) : Duration.ofSeconds(30);
            }

            public long maxMaskBytes() {
                return 8 << 20;
            }

            public long exportMaxBytes() {
                return 1L << 36;
            }

            public int exportMaxExposures() {
                return 10_000;
            }

            public long exportPartBytes() {
                return statementTimeout.isZero() ? 10 : 64 << 20;
            }

            public Optional<String> adminTokenSha256() {
                return Optional.empty();
            }
        };
    }

    private static StatusConfig status(int partitions, String retryPause) {
        return new StatusConfig() {
            public boolean enabled() {
                return true;
            }

            public String applicationId() {
                return "pixeldb-ingest-status";
            }

            public int partitions() {
                return partitions;
            }

            public Optional<String> stateDir() {
                return Optional.empty();
            }

            public Duration retryPause() {
                return Duration.parse(retryPause);
            }
        };
    }
}
