package org.miri.pixeldb.loader.kafka;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Applies records through the handler in one database transaction: all of it commits, or none; then lets the
 * handler announce what committed.
 */
final class BatchTransaction {

    private static final Logger LOG = Logger.getLogger(BatchTransaction.class);

    private final DataSource dataSource;
    private final BatchHandler handler;

    BatchTransaction(DataSource dataSource, BatchHandler handler) {
        this.dataSource = dataSource;
        this.handler = handler;
    }

    /** @return per partition, the offset to replay from (records that wait for others) */
    Map<TopicPartition, Long> apply(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Connection tx = dataSource.getConnection();
        Map<TopicPartition, Long> replay;
        try {
            tx.setAutoCommit(false);
            replay = handler.apply(tx, records);
            tx.commit();
        } catch (Exception e) {
            rollbackQuietly(tx, e);
            closeQuietly(tx, e);
            throw e;
        }
        // Committed: from here on nothing may turn the batch into a failure that would retry or give up stored
        // records, not even a connection that fails to close.
        try {
            tx.close();
        } catch (Exception e) {
            LOG.warnf("connection not closed cleanly after a commit (%s); the records are stored", e.getMessage());
        }
        announce();
        return replay;
    }

    // The records are stored: only their announcement failed (the broker away), so the batch is replayed like after
    // any transient failure, and the ledger finds every chunk stored and announces it again.
    private void announce() throws AnnouncementFailedException {
        try {
            handler.committed();
        } catch (Exception e) {
            throw new AnnouncementFailedException(e);
        }
    }

    private static void closeQuietly(Connection tx, Exception cause) {
        try {
            tx.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private static void rollbackQuietly(Connection tx, Exception cause) {
        try {
            tx.rollback();
        } catch (Exception e) {
            // The connection is gone (that may be the cause): the server rolls back without us.
            cause.addSuppressed(e);
        }
    }
}
