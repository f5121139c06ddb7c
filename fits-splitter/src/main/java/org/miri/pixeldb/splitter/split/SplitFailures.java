package org.miri.pixeldb.splitter.split;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Which failures while splitting are the world's (retry the notification) and which are the object's or a bug's
 * (reject the object, dead-letter the notification, move on). A retry can only help when something outside the
 * object changes: a broker or store coming back. Anything else would fail the same way for ever.
 */
public final class SplitFailures {

    private SplitFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientSplitFailure) {
                return true;
            }
            if (cause instanceof RecordTooLargeException || cause instanceof SerializationException) {
                return false; // the object made a record Kafka will never take
            }
            if (cause instanceof KafkaException) {
                return true;
            }
            if (cause instanceof NoSuchKeyException) {
                return false;
            }
            if (cause instanceof SdkException) {
                return true; // the store did not answer, or answered with its own trouble (5xx, throttling, access)
            }
        }
        return false;
    }

    /** The reason an object is rejected for an unexpected failure: what failed, never a stack trace. */
    public static String unexpected(Throwable failure) {
        return "internal error while splitting: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
