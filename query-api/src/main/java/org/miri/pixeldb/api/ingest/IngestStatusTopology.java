package org.miri.pixeldb.api.ingest;

import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.codec.AvroSerde;

/**
 * The ingest status as a stream computation: the splitter's events (keyed by object) and the writers'
 * acknowledgements are re-keyed by exposure and product into one repartition topic, so that both
 * inputs of a product meet on one partition in order, and folded into its {@link IngestStatus}, kept
 * in a store whose changelog survives restarts. Every change goes to {@code sink}.
 */
public final class IngestStatusTopology {

    /** The state store; its changelog topic is {@code <application.id>-ingest-status-changelog}. */
    public static final String STORE = "ingest-status";

    private IngestStatusTopology() {
    }

    /** @param partitions of the repartition topic: how many instances share the work */
    public static Topology build(int partitions, Consumer<IngestStatus> sink) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, SpecificRecord> events = builder
                .stream(Topic.MANIFESTS.topicName(), Consumed.with(Serdes.String(), new AvroSerde<>(IngestEvent.class)))
                // Objects that are no product of a named exposure (IGNORED, unusable names) have no status here.
                .filter((key, event) -> event != null && event.getExposure() != null && event.getProduct() != null)
                .map((key, event) -> KeyValue.pair(StatusAggregator.key(event.getExposure(), event.getProduct()), event));
        KStream<String, SpecificRecord> acks = builder
                .stream(Topic.LOAD_ACKS.topicName(), Consumed.with(Serdes.String(), new AvroSerde<>(LoadAck.class)))
                .filter((key, ack) -> ack != null)
                .map((key, ack) -> KeyValue.pair(StatusAggregator.key(ack.getExposure(), ack.getProduct()), ack));
        events.merge(acks)
                .repartition(Repartitioned.with(Serdes.String(), StatusInputSerde.serde())
                        .withName("ingest-status-input").withNumberOfPartitions(partitions))
                .groupByKey(Grouped.with(Serdes.String(), StatusInputSerde.serde()))
                .aggregate(() -> null, new StatusAggregator(),
                        Materialized.<String, IngestStatus, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new AvroSerde<>(IngestStatus.class))
                                // Every change reaches the sink at once, not at the next commit.
                                .withCachingDisabled())
                .toStream()
                .foreach((key, status) -> sink.accept(status));
        return builder.build();
    }
}
