package org.miri.pixeldb.loader.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * A writer service's own settings (keys {@code pixeldb.writer.*}, documented in its application.properties and the
 * README's Configure table); checked at start by {@link WriterSettings}.
 */
@ConfigMapping(prefix = "pixeldb.writer")
public interface WriterConfig {

    /** Records per poll, all loaded in one database transaction; each service sets its own in application.properties. */
    int maxPollRecords();

    /** How long a chunk waits for its product's exposure record before it is dead-lettered; at least PT10S. */
    @WithDefault("PT10M")
    Duration maxChunkWait();
}
