package org.miri.pixeldb.loader.kafka;

import java.sql.Connection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a writer does with one poll of records, inside the transaction {@link LoadLoop} owns. */
public interface BatchHandler {

    /**
     * @throws RetryLaterException when a record cannot be loaded yet (its exposure is not known);
     *         the whole batch is rolled back and replayed after a pause
     */
    void apply(Connection tx, List<ConsumerRecord<String, byte[]>> batch) throws Exception;
}
