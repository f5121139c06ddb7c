package org.miri.pixeldb.loader.db;

/**
 * A record that cannot be loaded now. {@link #retryable()} tells the consumer what to do: retry the
 * same record later (nothing was written), or give up on it (dead-letter it, mark the ingest REJECTED).
 */
public abstract class LoadException extends Exception {

    protected LoadException(String message) {
        super(message);
    }

    /** True when the same record may load later without any change to it. */
    public abstract boolean retryable();
}
