package org.miri.pixeldb.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The query API's own settings (keys {@code pixeldb.api.*}): declared, defaulted and documented here once, described
 * for operators in application.properties and the README's Configure table (ConfigurationDocsTest holds them equal).
 */
@ConfigMapping(prefix = "pixeldb.api")
public interface ApiConfig {

    /** Statement timeout of every API query; a query that hits it answers 503. */
    @WithDefault("PT10S")
    Duration statementTimeout();

    /** PostgreSQL ends an API session idle in its transaction this long (a client that stopped reading). */
    @WithDefault("PT30S")
    Duration idleInTransactionTimeout();

    /** Statement timeout of DELETE /api/v1/exposures/{name} (a full-frame exposure's rows take a while). */
    @WithDefault("PT5M")
    Duration deleteTimeout();

    /** Largest answer in bytes; a request for more is answered 413 before anything is read. */
    @WithDefault("268435456")
    long maxResponseBytes();

    /** Memory shared by all answers assembled before they are written; 40 % of the heap when absent. */
    Optional<Long> assemblyMemoryBytes();

    /** true: reads need a known bearer token as well (writes always need an admin token). */
    @WithDefault("false")
    boolean readTokenRequired();

    /** Largest reference mask POSTed to /detectors/{detector}/health/compare (a full-frame uint32 mask is 4.2 MB). */
    @WithDefault("8388608")
    long maxMaskBytes();

    /**
     * true: an exposure's detector health (and a RAW product's quick-look slopes) is evaluated when its products load;
     * false leaves it out, e.g. to measure what it costs the ingest.
     */
    @WithDefault("true")
    boolean healthEnabled();

    /**
     * How long a loaded RAW product waits for its exposure's RATEINTS or RATE before quick-look slopes are fitted to
     * it: products uploaded together arrive one after the other (a full frame's uncal has loaded while its 1 GB ramp
     * is still uploading), and the fit costs seconds of the CPU that their ingest needs. PT0S fits at once.
     */
    @WithDefault("PT30S")
    Duration healthQuickLookDelay();

    /**
     * Largest export job, in bytes of values before compression (what the files would hold uncompressed), priced from
     * the exposures' geometry before the job starts: a larger request is answered 413 naming its price.
     */
    @WithDefault("68719476736")
    long exportMaxBytes();

    /** Most exposures one export job may cover. */
    @WithDefault("10000")
    int exportMaxExposures();

    /** Target bytes of values per part (one file): a product of an exposure is cut into bands of rows of about this. */
    @WithDefault("67108864")
    long exportPartBytes();

    /** SHA-256 (64 hex digits) of the admin token registered at start; absent: no one may delete. */
    Optional<String> adminTokenSha256();
}
