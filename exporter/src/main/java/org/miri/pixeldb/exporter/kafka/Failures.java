package org.miri.pixeldb.exporter.kafka;

import java.sql.SQLException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Which failures are the servers being away (retried until they are back, the part's offset held) and which are the
 * part's own (retried a few times, then the job fails with the message).
 */
final class Failures {

    private Failures() {
    }

    static boolean serverAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SdkClientException || t instanceof S3Exception s3 && s3.statusCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
