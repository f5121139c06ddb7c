package org.miri.pixeldb.loader.kafka;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.miri.pixeldb.platform.kafka.DeadLetterNotSentException;

/**
 * Tells a failure that passes by itself (the database or broker away, a serialization conflict) from
 * one the same records will hit again. The first is retried with backoff; the second must not block a
 * partition, so its record is found and dead-lettered.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes that say nothing about the records: connection exception (08), transaction rollback
     * (40: serialization failure, deadlock), insufficient resources (53), operator intervention (57: admin
     * shutdown, cancel), system error (58).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof RetriableException || t instanceof DeadLetterNotSentException
                    || t instanceof AnnouncementFailedException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No SQLSTATE: the pool or driver failed before the server said anything (no connection).
                if (state == null || state.length() < 2 || TRANSIENT_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
