package org.miri.pixeldb.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.ConfigurationTable;

/** The exporter's keys: documented in the README with their defaults, and impossible values refused at start. */
class ExporterConfigTest {

    @Test
    void theReadmeDocumentsEveryKey() {
        ConfigurationTable.assertDocuments(ExporterConfig.class);
    }

    @Test
    void impossibleValuesAreNamedAtStart() {
        config(2, "256MB", 122880, 3).check();
        assertEquals("pixeldb.exporter.workers must be 1..12 (the topic's partitions), not 0",
                assertThrows(IllegalArgumentException.class, () -> config(0, "256MB", 122880, 3).check()).getMessage());
        assertEquals("pixeldb.exporter.part-memory must be a size such as 256MB or 1GiB, not '256MB'; drop table x'",
                assertThrows(IllegalArgumentException.class,
                        () -> config(2, "256MB'; drop table x", 122880, 3).check()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> config(2, "256MB", 10, 3).check());
        assertThrows(IllegalArgumentException.class, () -> config(2, "256MB", 122880, 0).check());
    }

    private static ExporterConfig config(int workers, String memory, int rowGroupRows, int attempts) {
        return new ExporterConfig() {
            public int workers() {
                return workers;
            }

            public Optional<Path> workDir() {
                return Optional.empty();
            }

            public String partMemory() {
                return memory;
            }

            public int rowGroupRows() {
                return rowGroupRows;
            }

            public int maxAttempts() {
                return attempts;
            }
        };
    }
}
