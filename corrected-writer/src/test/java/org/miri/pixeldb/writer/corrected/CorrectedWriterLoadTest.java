package org.miri.pixeldb.writer.corrected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * The running corrected-writer loads what the splitter would send, from the real Kafka into the real
 * PostgreSQL: chunks before their exposure record, re-sent records, and a refused product's chunks.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class CorrectedWriterLoadTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    final RealServers servers = RealServers.shared();

    @Test
    void rampsAndSlopesLoadValueForValueOnceWhateverTheOrderAndRepeats() throws Exception {
        String name = "CW_" + UUID.randomUUID().toString().substring(0, 8);
        Exposure ramp = CorrectedRecords.exposure(name, ProductKind.RAMP, checksum(), CorrectedRecords.NGROUPS);
        Exposure rateints = CorrectedRecords.exposure(name, ProductKind.RATEINTS, checksum(), CorrectedRecords.NGROUPS);
        for (int round = 0; round < 2; round++) {
            // Chunks first: the writer must wait for their exposure records, not lose them.
            for (int i = 1; i <= CorrectedRecords.NINTS; i++) {
                send(Topic.CORRECTED_RAMPS, name + "/" + i, CorrectedRecords.ramps(name, ramp.getProductChecksum(), i));
                send(Topic.SLOPES, name + "/" + i, CorrectedRecords.slopes(name, rateints.getProductChecksum(), i));
            }
            send(Topic.EXPOSURES, name, ramp);
            send(Topic.EXPOSURES, name, rateints);
            send(Topic.MANIFESTS, ramp.getSource().getKey(), CorrectedRecords.split(ramp, CorrectedRecords.NINTS));
            send(Topic.MANIFESTS, rateints.getSource().getKey(), CorrectedRecords.split(rateints, CorrectedRecords.NINTS));
            awaitState(ramp, "LOADED");
            awaitState(rateints, "LOADED");
        }
        try (Connection db = database()) {
            assertRampsEqualWhatWasSent(db, name);
            assertSlopesEqualWhatWasSent(db, name);
            // One strip per integration and row (the rows are short), one ledger entry per chunk.
            assertEquals(List.of((long) CorrectedRecords.NINTS * CorrectedRecords.ROWS, 2L), List.of(count(db, "select count(*) from corrected_ramp_strip s join product p "
                    + "on p.id = s.product_id join exposure e on e.id = p.exposure_id where e.name = ?", name),
                    count(db, "select count(*) from chunk_ledger l join product p on p.id = l.product_id join exposure e "
                            + "on e.id = p.exposure_id where e.name = ? and p.kind = 'RAMP'", name)),
                    "strips and ledger entries after every record was sent twice");
            assertEquals(1L, count(db, "select count(*) from product_provenance_v where exposure = ? and kind = 'RAMP' "
                    + "and cal_ver = '1.14.0' and steps ->> 'S_JUMP' = 'COMPLETE'", name));
        }
    }

    @Test
    void aRefusedProductsChunksAreDroppedAndTheWriterGoesOn() throws Exception {
        String name = "CW_" + UUID.randomUUID().toString().substring(0, 8);
        Exposure good = CorrectedRecords.exposure(name, ProductKind.RATEINTS, checksum(), CorrectedRecords.NGROUPS);
        Exposure contradicting = CorrectedRecords.exposure(name, ProductKind.RAMP, checksum(), CorrectedRecords.NGROUPS + 1);
        send(Topic.EXPOSURES, name, good);
        for (int i = 1; i <= CorrectedRecords.NINTS; i++) {
            send(Topic.SLOPES, name + "/" + i, CorrectedRecords.slopes(name, good.getProductChecksum(), i));
            send(Topic.CORRECTED_RAMPS, name + "/" + i, CorrectedRecords.ramps(name, contradicting.getProductChecksum(), i));
        }
        send(Topic.MANIFESTS, good.getSource().getKey(), CorrectedRecords.split(good, CorrectedRecords.NINTS));
        awaitState(good, "LOADED");
        send(Topic.EXPOSURES, name, contradicting);
        send(Topic.MANIFESTS, contradicting.getSource().getKey(), CorrectedRecords.split(contradicting, CorrectedRecords.NINTS));
        awaitState(contradicting, "REJECTED");
        try (Connection db = database()) {
            String reason = (String) value(db, "select reason from ingest_log where object_key = ?",
                    contradicting.getSource().getKey());
            assertTrue(reason.contains("NGROUPS 4, not 3"), reason);
            assertEquals(0L, count(db, "select count(*) from product p join exposure e on e.id = p.exposure_id "
                    + "where e.name = ? and p.kind = 'RAMP'", name), "nothing of the refused product");
        }
        // The partitions the refused chunks were on still move: a new exposure's ramps load.
        String next = name + "_NEXT";
        Exposure after = CorrectedRecords.exposure(next, ProductKind.RAMP, checksum(), CorrectedRecords.NGROUPS);
        send(Topic.EXPOSURES, next, after);
        for (int i = 1; i <= CorrectedRecords.NINTS; i++) {
            send(Topic.CORRECTED_RAMPS, name + "/" + i, CorrectedRecords.ramps(next, after.getProductChecksum(), i));
        }
        send(Topic.MANIFESTS, after.getSource().getKey(), CorrectedRecords.split(after, CorrectedRecords.NINTS));
        awaitState(after, "LOADED");
    }

    @Test
    void aChunkWhoseExposureRecordNeverCameIsDeadLetteredAndItsPartitionMovesOn() throws Exception {
        String name = "CW_" + UUID.randomUUID().toString().substring(0, 8);
        String key = name + "/orphan";
        // Sent an hour ago, as far as its timestamp says: longer than pixeldb.writer.max-chunk-wait.
        send(Topic.CORRECTED_RAMPS, key, CorrectedRecords.ramps(name, checksum(), 1),
                System.currentTimeMillis() - 3_600_000);
        String next = name + "_NEXT";
        Exposure after = CorrectedRecords.exposure(next, ProductKind.RAMP, checksum(), CorrectedRecords.NGROUPS);
        send(Topic.EXPOSURES, next, after);
        for (int i = 1; i <= CorrectedRecords.NINTS; i++) {
            send(Topic.CORRECTED_RAMPS, key, CorrectedRecords.ramps(next, after.getProductChecksum(), i));
        }
        send(Topic.MANIFESTS, after.getSource().getKey(), CorrectedRecords.split(after, CorrectedRecords.NINTS));
        awaitState(after, "LOADED");
        try (KafkaConsumer<String, byte[]> letters = new KafkaConsumer<>(KafkaSettings.consumer(
                servers.kafkaBootstrapServers(), "dead-letter-reader-" + name, 500))) {
            letters.subscribe(List.of(Topic.DEAD_LETTERS.topicName()));
            long deadline = System.nanoTime() + WAIT.toNanos();
            String reason = null;
            while (reason == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> letter : letters.poll(Duration.ofMillis(500))) {
                    if (key.equals(letter.key())) {
                        reason = new String(letter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8);
                    }
                }
            }
            assertTrue(reason != null && reason.contains("no exposure record for its product version"), "" + reason);
        }
    }

    static void assertRampsEqualWhatWasSent(Connection db, String name) throws SQLException {
        int ramps = 0;
        try (PreparedStatement query = db.prepareStatement("select integration, row, col, sci, err, groupdq, groupdq_any, "
                + "pixeldq, dq_has(groupdq_any, 'JUMP_DET') from corrected_ramp_v where exposure = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int i = rows.getInt(1);
                    int r = rows.getInt(2) - 10;
                    int c = rows.getInt(3) - 20;
                    Float[] sci = (Float[]) rows.getArray(4).getArray();
                    Float[] err = (Float[]) rows.getArray(5).getArray();
                    Integer[] groupdq = (Integer[]) rows.getArray(6).getArray();
                    long any = 0;
                    for (int g = 0; g < CorrectedRecords.NGROUPS; g++) {
                        float want = CorrectedRecords.sci(i, r, c, g);
                        assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(sci[g]), "sci " + i + r + c + g);
                        assertEquals(Float.floatToIntBits(want / 100), Float.floatToIntBits(err[g]), "err " + i + r + c + g);
                        assertEquals(CorrectedRecords.groupdq(i, r, c, g), groupdq[g]);
                        any |= CorrectedRecords.groupdq(i, r, c, g);
                    }
                    assertEquals(any, rows.getLong(7));
                    assertEquals(CorrectedRecords.pixeldq(r, c), rows.getLong(8), "pixeldq unsigned, bit 31 included");
                    assertEquals((any & 4) != 0, rows.getBoolean(9));
                    ramps++;
                }
            }
        }
        assertEquals(CorrectedRecords.NINTS * CorrectedRecords.ROWS * CorrectedRecords.COLS, ramps);
    }

    static void assertSlopesEqualWhatWasSent(Connection db, String name) throws SQLException {
        int slopes = 0;
        try (PreparedStatement query = db.prepareStatement("select integration, row, col, sci, err, dq, var_poisson, "
                + "var_rnoise from slope_v where exposure = ? and kind = 'RATEINTS'")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int r = rows.getInt(2) - 10;
                    int c = rows.getInt(3) - 20;
                    float slope = 10f * rows.getInt(1) + r + c / 10f;
                    assertEquals(List.of(slope, slope / 10, slope / 100, slope / 1000),
                            List.of(rows.getFloat(4), rows.getFloat(5), rows.getFloat(7), rows.getFloat(8)));
                    assertEquals(CorrectedRecords.pixeldq(r, c) | (r == 0 ? 4 : 0), rows.getLong(6));
                    slopes++;
                }
            }
        }
        assertEquals(CorrectedRecords.NINTS * CorrectedRecords.ROWS * CorrectedRecords.COLS, slopes);
    }

    void awaitState(Exposure product, String state) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (Connection db = database()) {
                Object now = value(db, "select state from ingest_log where object_key = ?", product.getSource().getKey());
                if (state.equals(now)) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, product.getSource().getKey() + " is " + now + ", not " + state);
            }
            Thread.sleep(200);
        }
    }

    <T extends SpecificRecord> void send(Topic topic, String key, T record) throws Exception {
        send(topic, key, record, null);
    }

    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void send(Topic topic, String key, T record, Long timestamp) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSettings.producer(servers.kafkaBootstrapServers(), "corrected-writer-test"))) {
            byte[] value = AvroMessageCodec.of((Class<T>) record.getClass()).encode(record);
            producer.send(new ProducerRecord<>(topic.topicName(), null, timestamp, key, value)).get();
        }
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(servers.jdbcUrl(), servers.jdbcUser(), servers.jdbcPassword());
    }

    static long count(Connection db, String sql, String arg) throws SQLException {
        return ((Number) value(db, sql, arg)).longValue();
    }

    static Object value(Connection db, String sql, String arg) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, arg);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        }
    }

    static String checksum() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
