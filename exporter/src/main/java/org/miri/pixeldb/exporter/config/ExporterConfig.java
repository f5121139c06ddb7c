package org.miri.pixeldb.exporter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The exporter's own keys ({@code pixeldb.exporter.*}), each documented in application.properties and checked at
 * start by {@link #check()}: a bad value stops the service with the key's name instead of failing its first part.
 */
@ConfigMapping(prefix = "pixeldb.exporter")
public interface ExporterConfig {

    /** Throws naming the first key whose value is out of its range. */
    default void check() {
        if (workers() < 1 || workers() > 12) {
            throw new IllegalArgumentException("pixeldb.exporter.workers must be 1..12 (the topic's partitions), not "
                    + workers());
        }
        if (rowGroupRows() < 1024) {
            throw new IllegalArgumentException("pixeldb.exporter.row-group-rows must be at least 1024, not "
                    + rowGroupRows());
        }
        if (maxAttempts() < 1) {
            throw new IllegalArgumentException("pixeldb.exporter.max-attempts must be at least 1, not " + maxAttempts());
        }
        if (!partMemory().matches("[1-9][0-9]{0,5}(KB|MB|GB|KiB|MiB|GiB)")) {
            throw new IllegalArgumentException("pixeldb.exporter.part-memory must be a size such as 256MB or 1GiB, not '"
                    + partMemory() + "'");
        }
    }

    /** Parts written at once by this instance, each by its own Kafka consumer of the export-requests topic. */
    @WithDefault("2")
    int workers();

    /** Where files are made before they are uploaded; absent: a fresh folder in the system temporary folder. */
    Optional<Path> workDir();

    /** DuckDB's memory per part being written (its own syntax, e.g. 256MB); beyond it DuckDB spills to work-dir. */
    @WithDefault("256MB")
    String partMemory();

    /** Rows per Parquet row group. */
    @WithDefault("122880")
    int rowGroupRows();

    /** Attempts at a part that fails for a reason other than a lost connection, before the job fails. */
    @WithDefault("3")
    int maxAttempts();
}
