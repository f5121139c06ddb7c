package org.miri.pixeldb.loader.kafka;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Applies records through the handler in one database transaction: all of it commits, or none. */
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
                return replay;
            } catch (Exception e) {
                rollbackQuietly(tx, e);
                throw e;
            }
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
