package org.miri.pixeldb.loader.kafka;

/** A record that will load once something else has arrived: retried, never dead-lettered. */
public class RetryLaterException extends Exception {

    public RetryLaterException(String reason) {
        super(reason);
    }
}
