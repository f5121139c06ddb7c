package org.miri.pixeldb.loader.db;

/**
 * Where a file (one version of an object of the ingest bucket) stands: the values of {@code ingest_log.state}, the
 * one store of the ingest status (migration V12, decision 0015). What the splitter says of a file is its split
 * outcome (the Avro {@code IngestState} of the manifests); what a product version is, {@code product.state}.
 */
public enum FileState {
    /** Seen in the bucket, not split yet. */
    RECEIVED,
    /** Its chunks are being loaded while the splitter still reads it (no manifest yet); written by the topology. */
    SPLITTING,
    /** Split: its records are on Kafka and the writers are storing them. */
    LOADING,
    /** Every record is in the database. */
    LOADED,
    /** Bad input (malformed or foreign file); the reason says why. Nothing of it was stored. */
    REJECTED,
    /** Not a product the database holds (e.g. an unrelated file); the reason says why. */
    IGNORED,
    /** An internal error stopped the ingest; the reason says what. Retried. */
    FAILED
}
