package org.miri.pixeldb.loader.kafka;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Applies records through the handler in one database transaction: all of it commits, or none; then lets the
 * handler announce what committed.
 */
final class BatchTransaction {

    private final DataSource dataSource;
    private final BatchHandler handler;

    BatchTransaction(DataSource dataSource, BatchHandler handler) {
        this.dataSource = dataSource;
        this.handler = handler;
    }

    /** @return per partition, the offset to replay from (records that wait for others) */
    Map<TopicPartition, Long> apply(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                Map<TopicPartition, Long> replay = handler.apply(tx, records);
                tx.commit();
                announce();
                return replay;
            } catch (AnnouncementFailedException e) {
                throw e;
            } catch (Exception e) {
                rollbackQuietly(tx, e);
                throw e;
            }
        }
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

    private static void rollbackQuietly(Connection tx, Exception cause) {
        try {
            tx.rollback();
        } catch (Exception e) {
            // The connection is gone (that may be the cause): the server rolls back without us.
            cause.addSuppressed(e);
        }
    }
}
