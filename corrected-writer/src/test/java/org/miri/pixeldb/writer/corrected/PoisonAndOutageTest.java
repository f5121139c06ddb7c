package org.miri.pixeldb.writer.corrected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SourceObject;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * The running corrected-writer on the real Kafka and PostgreSQL: a chunk that contradicts its product in the
 * middle of good ones is dead-lettered and its version rejected while the partition goes on; the writer's
 * database connections killed again and again while it loads end with every row exactly once.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class PoisonAndOutageTest {

    // The helpers (send, await, compare) of the neighbouring test, on the same servers.
    final CorrectedWriterLoadTest kit = new CorrectedWriterLoadTest();

    @Test
    void aMalformedChunkIsDeadLetteredWithItsOriginAndTheGoodChunksAroundItLoad() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String key = "CW_POISON_" + tag; // every chunk on one key: one partition
        Exposure before = product("CW_BEFORE_" + tag);
        Exposure poisoned = product("CW_POISONED_" + tag);
        Exposure after = product("CW_AFTER_" + tag);
        for (Exposure p : List.of(before, poisoned, after)) {
            kit.send(Topic.EXPOSURES, p.getName(), p);
        }
        sendChunks(key, before);
        kit.send(Topic.CORRECTED_RAMPS, key, CorrectedRecords.ramps(poisoned.getName(), poisoned.getProductChecksum(), 1));
        CorrectedRampChunk bad = CorrectedRecords.ramps(poisoned.getName(), poisoned.getProductChecksum(), 2);
        bad.put("ngroups", 7); // the product has 3 groups
        RecordMetadata badAt = sendChunk(key, bad);
        sendChunks(key, after);
        for (Exposure p : List.of(before, poisoned, after)) {
            kit.send(Topic.MANIFESTS, p.getSource().getKey(), CorrectedRecords.split(p, CorrectedRecords.NINTS));
        }
        kit.awaitState(before, "LOADED");
        kit.awaitState(after, "LOADED");
        kit.awaitState(poisoned, "REJECTED");
        try (Connection db = kit.database()) {
            String reason = (String) CorrectedWriterLoadTest.value(db, "select reason from ingest_log where object_key = ?",
                    poisoned.getSource().getKey());
            assertTrue(reason.contains("chunk 1 of the RAMP product of exposure " + poisoned.getName())
                    && reason.contains("7 groups per ramp, the exposure has 3"), reason);
            assertEquals(0L, CorrectedWriterLoadTest.count(db, "select count(*) from product p join exposure e "
                    + "on e.id = p.exposure_id where e.name = ?", poisoned.getName()), "no product row of the version");
            assertEquals(0L, CorrectedWriterLoadTest.count(db, "select count(*) from corrected_ramp_v where exposure = ?",
                    poisoned.getName()), "no ramp of the version");
            CorrectedWriterLoadTest.assertRampsEqualWhatWasSent(db, before.getName());
            CorrectedWriterLoadTest.assertRampsEqualWhatWasSent(db, after.getName());
        }
        List<ConsumerRecord<String, byte[]>> letters = DeadLetterReader.await(kit.servers.kafkaBootstrapServers(),
                l -> key.equals(l.key()), CorrectedWriterLoadTest.WAIT);
        assertEquals(1, letters.size(), "one dead letter, the bad chunk");
        ConsumerRecord<String, byte[]> letter = letters.get(0);
        SourceObject source = poisoned.getSource();
        assertEquals(List.of(Topic.CORRECTED_RAMPS.topicName() + "/" + badAt.partition() + "@" + badAt.offset(),
                        source.getBucket(), source.getKey(), source.getEtag(), "corrected-writer"),
                List.of(DeadLetters.header(letter, DeadLetters.ORIGIN), DeadLetters.header(letter, DeadLetters.ORIGIN_BUCKET),
                        DeadLetters.header(letter, DeadLetters.ORIGIN_KEY), DeadLetters.header(letter, DeadLetters.ORIGIN_ETAG),
                        DeadLetters.header(letter, DeadLetters.SERVICE)));
        assertTrue(DeadLetters.header(letter, DeadLetters.REASON).contains("7 groups per ramp"), DeadLetters.header(letter, DeadLetters.REASON));
        assertTrue(DeadLetters.header(letter, DeadLetters.TIME) != null);
    }

    @Test
    void aRecordTheDatabaseRefusesIsIsolatedAndDeadLetteredAndTheRecordsAroundItLoad() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Exposure good = product("CW_AROUND_" + tag);
        // A manifest event whose checksum breaks ingest_log's check constraint: the database refuses it every time.
        IngestEvent poison = CorrectedRecords.split(good, CorrectedRecords.NINTS);
        poison.put("productChecksum", "not-a-sha256");
        poison.put("source", CorrectedRecords.source("CW_REFUSED_" + tag, ProductKind.RAMP));
        String manifestKey = good.getSource().getKey(); // one partition for both events
        kit.send(Topic.EXPOSURES, good.getName(), good);
        sendChunks(good.getName(), good);
        kit.send(Topic.MANIFESTS, manifestKey, poison);
        kit.send(Topic.MANIFESTS, manifestKey, CorrectedRecords.split(good, CorrectedRecords.NINTS));
        kit.awaitState(good, "LOADED");
        List<ConsumerRecord<String, byte[]>> letters = DeadLetterReader.await(kit.servers.kafkaBootstrapServers(),
                l -> manifestKey.equals(l.key()), CorrectedWriterLoadTest.WAIT);
        assertEquals(1, letters.size());
        String reason = DeadLetters.header(letters.get(0), DeadLetters.REASON);
        assertTrue(reason.contains("ingest_log_product_checksum_check"), reason);
        assertTrue(DeadLetters.header(letters.get(0), DeadLetters.ORIGIN).startsWith(Topic.MANIFESTS.topicName() + "/"));
    }

    @Test
    void theWritersConnectionsKilledMidLoadEndWithEveryRowExactlyOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Exposure> products = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            products.add(product("CW_OUTAGE_" + tag + "_" + n));
        }
        AtomicBoolean outage = new AtomicBoolean(true);
        AtomicInteger killed = new AtomicInteger();
        Thread killer = new Thread(() -> killConnections(outage, killed), "connection-killer");
        killer.start();
        try {
            for (Exposure p : products) {
                kit.send(Topic.EXPOSURES, p.getName(), p);
                sendChunks(p.getName(), p);
                kit.send(Topic.MANIFESTS, p.getSource().getKey(), CorrectedRecords.split(p, CorrectedRecords.NINTS));
                Thread.sleep(150);
            }
            Thread.sleep(1000);
        } finally {
            outage.set(false);
            killer.join();
        }
        assertTrue(killed.get() > 0, "the outage killed no writer connection");
        for (Exposure p : products) {
            kit.awaitState(p, "LOADED");
        }
        try (Connection db = kit.database()) {
            for (Exposure p : products) {
                CorrectedWriterLoadTest.assertRampsEqualWhatWasSent(db, p.getName());
                assertEquals(CorrectedRecords.NINTS, CorrectedWriterLoadTest.count(db, "select count(*) from chunk_ledger l "
                        + "join product p on p.id = l.product_id join exposure e on e.id = p.exposure_id where e.name = ?",
                        p.getName()), "ledger entries of " + p.getName());
            }
        }
        System.out.printf("outage: %d writer connections killed; %d products loaded exactly once%n", killed.get(),
                products.size());
        assertTrue(DeadLetterReader.await(kit.servers.kafkaBootstrapServers(),
                l -> l.key() != null && l.key().startsWith("CW_OUTAGE_" + tag), Duration.ofSeconds(3)).isEmpty(),
                "a transient failure dead-letters nothing");
    }

    /** pg_terminate_backend on every other client connection, every 100 ms: the database "goes away" repeatedly. */
    private void killConnections(AtomicBoolean outage, AtomicInteger killed) {
        try (Connection db = kit.database(); Statement kill = db.createStatement()) {
            while (outage.get()) {
                try (ResultSet rows = kill.executeQuery("select count(*) filter (where pg_terminate_backend(pid))"
                        + " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                        + " and backend_type = 'client backend'")) {
                    rows.next();
                    killed.addAndGet(rows.getInt(1));
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Exposure product(String name) {
        return CorrectedRecords.exposure(name, ProductKind.RAMP, CorrectedWriterLoadTest.checksum(), CorrectedRecords.NGROUPS);
    }

    private void sendChunks(String key, Exposure product) throws Exception {
        for (int i = 1; i <= CorrectedRecords.NINTS; i++) {
            sendChunk(key, CorrectedRecords.ramps(product.getName(), product.getProductChecksum(), i));
        }
    }

    private RecordMetadata sendChunk(String key, CorrectedRampChunk chunk) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSettings.producer(kit.servers.kafkaBootstrapServers(), "poison-test"))) {
            return producer.send(new ProducerRecord<>(Topic.CORRECTED_RAMPS.topicName(), key,
                    AvroMessageCodec.of(CorrectedRampChunk.class).encode(chunk))).get();
        }
    }
}
