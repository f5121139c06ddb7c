package org.miri.pixeldb.platform.kafka;

/**
 * Kafka did not take a dead letter (broker away, timeout). Transient: the batch that produced it is
 * rolled back and retried, so the record is neither loaded nor lost.
 */
public final class DeadLetterNotSentException extends RuntimeException {

    public DeadLetterNotSentException(String reason, Throwable cause) {
        super("dead letter not sent (" + reason + "): " + cause.getMessage(), cause);
    }
}
