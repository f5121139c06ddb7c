package org.miri.pixeldb.loader.db;

/** Where an object of the ingest bucket stands; the values of {@code ingest_log.state}. */
public enum IngestState {
    /** Seen in the bucket, not read yet. */
    RECEIVED,
    /** Read by the splitter; its records are on Kafka. */
    SPLIT,
    /** Writers are storing its records. */
    LOADING,
    /** Every record is in the database. */
    LOADED,
    /** Bad input (malformed or foreign file); the reason says why. Nothing of it was stored. */
    REJECTED,
    /** Not a product the database holds (e.g. an unrelated file); the reason says why. */
    IGNORED,
    /** An internal error stopped the ingest; the reason says what. */
    FAILED
}
