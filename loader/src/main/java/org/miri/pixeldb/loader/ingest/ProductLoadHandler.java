package org.miri.pixeldb.loader.ingest;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.miri.pixeldb.loader.kafka.BatchHandler;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.SourceObject;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * One poll of a writer, in one transaction: exposure records first (a chunk needs its product), then
 * the splitter's events into the ingest log, then each chunk stream. Chunks whose exposure record has
 * not arrived make only their own partitions wait. A record that does not decode is dead-lettered, so
 * its partition keeps moving; so is a chunk that contradicts its product version, which is rejected.
 */
public final class ProductLoadHandler implements BatchHandler {

    private static final Logger LOG = Logger.getLogger(ProductLoadHandler.class);
    private final Producer<String, byte[]> deadLetters;
    private final String service;
    private final ProductLoad load;
    private final Map<String, ChunkStream<?>> streams = new LinkedHashMap<>();
    private final AvroMessageCodec<Exposure> exposures = AvroMessageCodec.of(Exposure.class);
    private final AvroMessageCodec<IngestEvent> events = AvroMessageCodec.of(IngestEvent.class);
    private final Duration maxChunkWait;

    /** @param maxChunkWait how long a chunk may wait for its exposure record before it is dead-lettered */
    public ProductLoadHandler(Producer<String, byte[]> deadLetters, String service, ProductLoad load,
                              List<ChunkStream<?>> streams, Duration maxChunkWait) {
        this.deadLetters = deadLetters;
        this.service = service;
        this.load = load;
        this.maxChunkWait = maxChunkWait;
        streams.forEach(stream -> this.streams.put(stream.topic().topicName(), stream));
    }

    /** Every topic the writer consumes. */
    public List<String> topics() {
        List<String> topics = new ArrayList<>(List.of(Topic.EXPOSURES.topicName(), Topic.MANIFESTS.topicName()));
        topics.addAll(streams.keySet());
        return topics;
    }

    @Override
    public Map<TopicPartition, Long> apply(Connection tx, List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        load.begin();
        List<Delivered<Exposure>> newExposures = new ArrayList<>();
        List<IngestEvent> newEvents = new ArrayList<>();
        Map<String, List<Delivered<Object>>> chunks = new LinkedHashMap<>();
        Map<Delivered<?>, ConsumerRecord<String, byte[]>> records = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                if (record.topic().equals(Topic.EXPOSURES.topicName())) {
                    Delivered<Exposure> exposure = delivered(record, exposures.decode(record.value()));
                    records.put(exposure, record);
                    newExposures.add(exposure);
                } else if (record.topic().equals(Topic.MANIFESTS.topicName())) {
                    newEvents.add(events.decode(record.value()));
                } else {
                    Object chunk = streams.get(record.topic()).codec().decode(record.value());
                    Delivered<Object> delivered = delivered(record, chunk);
                    records.put(delivered, record);
                    chunks.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(delivered);
                }
            } catch (RuntimeException e) {
                LOG.warnf("dead-lettering %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                DeadLetters.send(deadLetters, service, record, "cannot decode: " + e.getMessage());
            }
        }
        for (Delivered<Exposure> exposure : newExposures) {
            Optional<String> refusal = load.exposure(tx, exposure.chunk(), exposure.producedAt());
            if (refusal.isPresent()) {
                SourceObject source = exposure.chunk().getSource();
                DeadLetters.send(deadLetters, service, records.get(exposure), refusal.get(),
                        new ObjectOrigin(source.getBucket(), source.getKey(), source.getEtag()));
            }
        }
        // Rows of ingest_log are locked in object order, as the status fold does (IngestStatusTable): opposite orders
        // deadlocked. The sort is stable, so one object's events keep their order.
        newEvents.sort(Comparator.comparing((IngestEvent e) -> e.getSource().getBucket() + "/" + e.getSource().getKey())
                .thenComparing(e -> String.valueOf(e.getSource().getEtag())));
        for (IngestEvent event : newEvents) {
            load.event(tx, event);
        }
        Map<TopicPartition, Long> replay = new HashMap<>();
        Instant givenUp = Instant.now().minus(maxChunkWait);
        // Topics in name order, so that every instance locks product rows in one order (see ChunkWriter).
        for (Map.Entry<String, List<Delivered<Object>>> entry : new TreeMap<>(chunks).entrySet()) {
            ChunkOutcome<?> outcome = store(tx, streams.get(entry.getKey()), entry.getValue());
            for (ChunkOutcome.Rejected<?> rejected : outcome.rejected()) {
                // Sent before the transaction commits: if the commit fails, the replay rejects and sends again.
                DeadLetters.send(deadLetters, service, records.get(rejected.chunk()), rejected.reason(), rejected.object());
            }
            for (Delivered<?> waiting : outcome.waiting()) {
                if (waiting.producedAt().isBefore(givenUp)) {
                    // Its exposure record is lost (dead-lettered, or never sent): waiting on would block the partition.
                    DeadLetters.send(deadLetters, service, records.get(waiting), "no exposure record for its product "
                            + "version within " + maxChunkWait + " (pixeldb.writer.max-chunk-wait)");
                } else {
                    replay.merge(waiting.partition(), waiting.offset(), Math::min);
                }
            }
        }
        return replay;
    }

    @Override
    public void committed() throws Exception {
        load.committed();
    }

    private static <T> Delivered<T> delivered(ConsumerRecord<String, byte[]> record, T value) {
        return new Delivered<>(value, new TopicPartition(record.topic(), record.partition()), record.offset(),
                Instant.ofEpochMilli(record.timestamp()));
    }

    @Override
    public void giveUp(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("dead-lettering %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        DeadLetters.send(deadLetters, service, record, reason);
    }

    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> ChunkOutcome<T> store(Connection tx, ChunkStream<T> stream,
            List<Delivered<Object>> chunks) throws Exception {
        return load.chunks(tx, stream, (List<Delivered<T>>) (List<?>) chunks);
    }
}
