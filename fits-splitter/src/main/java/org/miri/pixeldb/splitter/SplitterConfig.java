package org.miri.pixeldb.splitter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.record.CompressionType;

/** The splitter's own settings; each key is documented in application.properties. */
@ConfigMapping(prefix = "pixeldb.splitter")
public interface SplitterConfig {

    /** How often to list the bucket, for stores without notifications; PT0S turns the poller off. */
    @WithDefault("PT5S")
    Duration pollInterval();

    /** Where objects are downloaded to be read; {@code pixeldb-splitter} in the system temporary folder when absent. */
    Optional<Path> workDir();

    /** Largest object downloaded, in bytes; a larger one is rejected after a HEAD request. */
    @WithDefault("17179869184")
    long maxObjectSize();

    /** Objects split side by side by one instance, each by its own thread and download. */
    @WithDefault("2")
    int concurrentObjects();

    /** Codec of the corrected-ramp and slope records' batches (raw ramps, which do not compress, never are). */
    @WithDefault("lz4")
    CompressionType recordCompression();

    /** Sample bytes per ramp chunk message: far below Kafka's 1 MB default message size. */
    @WithDefault("524288")
    int chunkBytes();
}
