package org.miri.pixeldb.writer.raw;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;
import org.miri.pixeldb.loader.kafka.BatchHandler;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * One poll of the raw writer, in one transaction: exposure records first (a chunk needs its
 * exposure), then the splitter's manifest events into the ingest log, then the ramp chunks.
 * A record that does not decode is dead-lettered, so its partition keeps moving.
 */
final class RawLoadHandler implements BatchHandler {

    private static final Logger LOG = Logger.getLogger(RawLoadHandler.class);
    private final Producer<String, byte[]> deadLetters;
    private final RawLoad load = new RawLoad();
    private final AvroMessageCodec<Exposure> exposures = AvroMessageCodec.of(Exposure.class);
    private final AvroMessageCodec<RawRampChunk> chunks = AvroMessageCodec.of(RawRampChunk.class);
    private final AvroMessageCodec<IngestEvent> events = AvroMessageCodec.of(IngestEvent.class);

    RawLoadHandler(Producer<String, byte[]> deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void apply(Connection tx, List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        List<Exposure> newExposures = new ArrayList<>();
        List<IngestEvent> newEvents = new ArrayList<>();
        List<RawRampChunk> newChunks = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                if (record.topic().equals(Topic.EXPOSURES.topicName())) {
                    newExposures.add(exposures.decode(record.value()));
                } else if (record.topic().equals(Topic.MANIFESTS.topicName())) {
                    newEvents.add(events.decode(record.value()));
                } else {
                    newChunks.add(chunks.decode(record.value()));
                }
            } catch (RuntimeException e) {
                LOG.warnf("dead-lettering %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                DeadLetters.send(deadLetters, "ramp-writer", record, "cannot decode: " + e.getMessage());
            }
        }
        for (Exposure exposure : newExposures) {
            load.exposure(tx, exposure);
        }
        for (IngestEvent event : newEvents) {
            load.event(tx, event);
        }
        load.chunks(tx, newChunks);
    }
}
