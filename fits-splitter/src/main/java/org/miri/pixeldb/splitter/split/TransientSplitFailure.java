package org.miri.pixeldb.splitter.split;

/**
 * The object could not be split for a reason outside it: the store or Kafka is away, the disk is full. The intake
 * tries the same notification again after a pause; every other failure ends the object's status instead (decision
 * 0010: one bad object never stops a partition).
 */
public final class TransientSplitFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TransientSplitFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
