package org.miri.pixeldb.loader.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.loader.db.LoadException;

/** Which failures a writer waits out, and which it pins on a record. */
class TransientFailuresTest {

    @Test
    void theDatabaseOrBrokerAwayIsTransient() {
        assertTrue(TransientFailures.isTransient(new SQLException("connection lost", "08006")));
        assertTrue(TransientFailures.isTransient(new SQLException("could not serialize access", "40001")));
        assertTrue(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(TransientFailures.isTransient(new SQLException("terminating connection", "57P01")));
        assertTrue(TransientFailures.isTransient(new SQLException("too many connections", "53300")));
        assertTrue(TransientFailures.isTransient(new SQLException("pool exhausted, no state")));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new NotLeaderOrFollowerException("moved"))));
    }

    @Test
    void whatTheRecordsCauseIsNot() {
        assertFalse(TransientFailures.isTransient(new SQLException("check constraint violated", "23514")));
        assertFalse(TransientFailures.isTransient(new SQLException("invalid input syntax", "22P02")));
        assertFalse(TransientFailures.isTransient(new RecordTooLargeException("1 MB")));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("a bug")));
        assertFalse(TransientFailures.isTransient(new LoadException("contradiction") { }));
    }
}
