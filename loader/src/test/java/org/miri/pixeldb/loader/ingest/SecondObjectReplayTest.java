package org.miri.pixeldb.loader.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.db.ChunkWriter;
import org.miri.pixeldb.loader.testdata.ProductFile;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.loader.testdata.SyntheticRamps;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.AckedChunk;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/**
 * A second object's version is settled in the transaction that stores its last chunk. When the writer dies after
 * that commit and before its acknowledgements reach Kafka, the replay finds no product row: the acknowledgements
 * must come from what was decided, exactly as if nothing had happened. Real PostgreSQL and Kafka, the writers' code.
 */
@ExtendWith(RealServersExtension.class)
class SecondObjectReplayTest {

    private static final Instant SPLIT = Instant.parse("2026-11-30T08:00:00Z");
    private RealServers servers;
    private Connection db;
    private KafkaProducer<String, byte[]> producer;
    private ProductLoad load;
    private final ChunkStream<RawRampChunk> stream = ChunkStream.of(Topic.RAW_RAMPS, RawRampChunk.class,
            ChunkWriter.rawRamps());

    @BeforeEach
    void open(RealServers realServers) throws Exception {
        servers = realServers;
        Flyway.configure().dataSource(servers.jdbcUrl(), servers.jdbcUser(), servers.jdbcPassword()).load().migrate();
        db = DriverManager.getConnection(servers.jdbcUrl(), servers.jdbcUser(), servers.jdbcPassword());
        db.setAutoCommit(false);
        producer = new KafkaProducer<>(KafkaSettings.producer(servers.kafkaBootstrapServers(), "replay-test"));
        load = new ProductLoad(Set.of(ProductKind.RAW), true, new LoadAcks(producer, "ramp-writer@test/1"));
    }

    @AfterEach
    void close() throws Exception {
        producer.close();
        db.close();
    }

    private static ProductFile[] files(String name) {
        SyntheticProduct values = new SyntheticProduct(name, 493, "SUB64", 1, 779, 72, 64, 2, 10, 16,
                new SyntheticRamps(5));
        return new ProductFile[] {ProductFile.of(values, "jpl8/" + name + ".fits", 'a', SPLIT),
            ProductFile.of(values, "jpl8/" + name + "_pipe.fits", 'b', SPLIT.plusSeconds(60))};
    }

    @Test
    void theReplayOfAnIdenticalVersionsLastChunksAcknowledgesThemAsHeldWithTheNote() throws Exception {
        ProductFile[] files = files("replay-identical");
        Instant sent = Instant.now().minusSeconds(30);
        load(files[0], sent, 0, files[0].chunkCount(), true);
        load(files[1], sent, 0, files[1].chunkCount() - 3, true);
        load(files[1], sent, files[1].chunkCount() - 3, files[1].chunkCount(), false); // died before acknowledging

        ChunkOutcome<RawRampChunk> replay = load(files[1], sent, files[1].chunkCount() - 3, files[1].chunkCount(),
                true);
        assertEquals(List.of(), replay.waiting());
        List<LoadAck> acks = acks("replay-identical", files[1].checksum());
        assertEquals(allChunks(files[1]), indexes(acks), "every chunk acknowledged, the last three by the replay");
        assertEquals(List.of("identical to the loaded object " + files[0].object()
                + " (every stored value compared): nothing more stored"), acks.stream().map(LoadAck::getNote)
                .filter(n -> n != null).toList());
        assertEquals("1 16 1", one("select count(*) || ' ' || sum(p.chunks_loaded) || ' ' || count(*) filter"
                + " (where p.checksum = '" + files[0].checksum() + "') from product p join exposure e"
                + " on e.id = p.exposure_id where e.name = 'replay-identical'"), "nothing of the second file stored");

        // The same content uploaded anew, after the decision: its chunks, ahead of its exposure record, wait for it.
        load.begin();
        ChunkOutcome<RawRampChunk> upload = load.chunks(db, stream, delivered(files[1], Instant.now().plusSeconds(1), 0,
                2));
        db.commit();
        assertEquals(2, upload.waiting().size());
    }

    @Test
    void theReplayOfARefusedVersionsLastChunksAcknowledgesTheRefusalAgain() throws Exception {
        ProductFile[] files = files("replay-different");
        ProductFile changed = files[1].changed(0, 'c');
        Instant sent = Instant.now().minusSeconds(30);
        load(files[0], sent, 0, files[0].chunkCount(), true);
        load(changed, sent, 0, changed.chunkCount() - 1, true);
        load(changed, sent, changed.chunkCount() - 1, changed.chunkCount(), false); // died before acknowledging

        ChunkOutcome<RawRampChunk> replay = load(changed, sent, changed.chunkCount() - 1, changed.chunkCount(), true);
        assertEquals(List.of(), replay.waiting());
        List<String> refusals = acks("replay-different", changed.checksum()).stream().map(LoadAck::getRefusal)
                .filter(r -> r != null).toList();
        assertEquals(1, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).contains(changed.object() + " is another file for it whose values differ (first in"
                + " the raw ramps at integration 1, row 782, column 6)"), refusals.get(0));
        assertEquals("REJECTED", one("select state from ingest_log where object_key = '" + changed.key() + "'"));
    }

    /** One writer transaction: the file's exposure record and chunks [from, to), all sent at {@code sent}. */
    private ChunkOutcome<RawRampChunk> load(ProductFile file, Instant sent, int from, int to, boolean acknowledged)
            throws Exception {
        load.begin();
        load.exposure(db, file.exposure(), sent);
        ChunkOutcome<RawRampChunk> outcome = load.chunks(db, stream, delivered(file, sent, from, to));
        db.commit();
        if (acknowledged) {
            load.committed();
        }
        return outcome;
    }

    private static List<Delivered<RawRampChunk>> delivered(ProductFile file, Instant sent, int from, int to) {
        List<Delivered<RawRampChunk>> chunks = new ArrayList<>();
        for (RawRampChunk chunk : file.chunks(from, to)) {
            chunks.add(new Delivered<>(chunk, new TopicPartition(Topic.RAW_RAMPS.topicName(), 0), chunks.size(), sent));
        }
        return chunks;
    }

    private static Set<Integer> allChunks(ProductFile file) {
        Set<Integer> all = new TreeSet<>();
        for (int i = 0; i < file.chunkCount(); i++) {
            all.add(i);
        }
        return all;
    }

    private static Set<Integer> indexes(List<LoadAck> acks) {
        Set<Integer> indexes = new TreeSet<>();
        acks.forEach(ack -> ack.getChunks().stream().map(AckedChunk::getIndex).forEach(indexes::add));
        return indexes;
    }

    /** Every acknowledgement of the version on the topic, read from its beginning to its end. */
    private List<LoadAck> acks(String exposure, String checksum) {
        AvroMessageCodec<LoadAck> codec = AvroMessageCodec.of(LoadAck.class);
        List<LoadAck> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.consumer(
                servers.kafkaBootstrapServers(), "replay-test-" + UUID.randomUUID(), 500))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.LOAD_ACKS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    LoadAck ack = codec.decode(record.value());
                    if (ack.getExposure().equals(exposure) && ack.getProductChecksum().equals(checksum)) {
                        found.add(ack);
                    }
                }
            }
        }
        return found;
    }

    private String one(String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
