package org.miri.pixeldb.loader.db;

/**
 * A record that cannot be loaded as it is. What happens to it depends on the kind: a chunk whose product is not known
 * yet waits for it ({@link ProductNotYetKnownException}), a malformed or contradicting one is given up (dead-lettered,
 * its object REJECTED). None of them is transient ({@code TransientFailures}): retrying the same record alone would
 * fail the same way.
 */
public abstract class LoadException extends Exception {

    protected LoadException(String message) {
        super(message);
    }
}
