package org.miri.pixeldb.loader.kafka;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** What a writer does with one poll of records, inside the transaction {@link LoadLoop} owns. */
public interface BatchHandler {

    /**
     * Applies what can be applied now. Records that must wait (a chunk whose exposure record has not
     * been loaded yet) are reported by partition, as the offset to replay from; whatever the handler
     * stored from that offset on must be harmless to store again (the chunk ledger makes it so).
     *
     * @return per partition, the offset of its first record that must be replayed; empty when all is done
     * @throws java.sql.SQLException the database failed: nothing of the batch is committed, it is replayed after a pause
     */
    Map<TopicPartition, Long> apply(Connection tx, List<ConsumerRecord<String, byte[]>> batch) throws Exception;

    /**
     * A record that fails on its own with an error that is not transient: it is given up (dead-lettered
     * with the reason) so that its partition moves on. Must throw when the record could not be parked.
     */
    void giveUp(ConsumerRecord<String, byte[]> record, String reason);

    /**
     * Called after the transaction of {@link #apply} committed and before the offsets are: what must be
     * announced only for committed work (acknowledgements). Throwing replays the batch, which the ledger
     * makes harmless.
     */
    default void committed() throws Exception {
    }
}
