package org.miri.pixeldb.exporter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.s3.BucketLayout;
import org.miri.pixeldb.schemas.ExportEvent;
import org.miri.pixeldb.schemas.ExportEventKind;
import org.miri.pixeldb.schemas.ExportPart;
import org.miri.pixeldb.schemas.ExportProduct;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;
import org.miri.pixeldb.testing.parquet.ParquetTable;

/**
 * The running exporter against real Kafka, PostgreSQL and S3: a part of a small raw product (strips written here as
 * the writers store them) becomes a file in the bucket whose every sample is the strip's, reported DONE; a part
 * whose product version is gone fails with the reason; a message that is not a part goes to the dead letters and
 * the worker goes on.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ExportWorkerTest {

    private static final int NGROUPS = 3;

    DataSource db = RealServers.shared().superuserDataSource();

    @Test
    void aPartBecomesAFileOfTheStripsValuesAndABadPartFailsWithItsReason() throws Exception {
        String name = "EXPORT_WORKER_" + UUID.randomUUID().toString().substring(0, 8);
        long product = rawProduct(name);
        UUID job = job();
        ExportPart good = part(job, 0, name, product, "good.parquet");
        ExportPart gone = part(job, 1, name, product + 1_000_000, "gone.parquet");
        try (var producer = new KafkaProducer<String, byte[]>(KafkaSettings.producer(
                RealServers.shared().kafkaBootstrapServers(), "export-worker-test"))) {
            producer.send(new ProducerRecord<>(Topic.EXPORT_REQUESTS.topicName(), "not-a-part",
                    "garbage".getBytes())).get();
            for (ExportPart part : List.of(good, gone)) {
                producer.send(new ProducerRecord<>(Topic.EXPORT_REQUESTS.topicName(), job + "/" + part.getPartIndex(),
                        AvroMessageCodec.of(ExportPart.class).encode(part))).get();
            }
        }
        List<ExportEvent> events = events(job.toString(), 2);
        ExportEvent done = events.stream().filter(e -> e.getKind() == ExportEventKind.DONE).findFirst().orElseThrow();
        ExportEvent failed = events.stream().filter(e -> e.getKind() == ExportEventKind.FAILED).findFirst().orElseThrow();
        assertEquals(0, done.getPartIndex());
        assertEquals(2 * 2 * 3L, done.getRows(), "2 integrations x rows 10-11 x columns 5-7");
        assertTrue(failed.getReason().contains("no longer loaded"), failed.getReason());

        // A QuarkusTest instance gets no @TempDir.
        Path file = Files.createTempDirectory("export-worker-test").resolve("good.parquet");
        try (var s3 = RealServers.shared().s3().client()) {
            s3.getObject(b -> b.bucket(RealServers.shared().s3().bucket()).key(good.getObjectKey()), file);
        }
        assertEquals(done.getBytes(), Files.size(file));
        ParquetTable table = ParquetTable.read(file);
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> row : table.rows()) {
            int integration = ((Number) row.get("integration")).intValue();
            int r = ((Number) row.get("row")).intValue();
            int c = ((Number) row.get("col")).intValue();
            assertEquals(List.of(sample(integration, r, c, 0), sample(integration, r, c, 1), sample(integration, r, c, 2)),
                    row.get("samples"));
            assertEquals((r - 1) * 1032 + c, row.get("pixel_id"));
            assertEquals(name, row.get("exposure"));
            assertEquals(Instant.parse("2024-01-02T03:04:05.678Z"), row.get("date_obs"));
            seen.add(integration + "/" + r + "/" + c);
        }
        assertEquals(List.of("1/10/5", "1/10/6", "1/10/7", "1/11/5", "1/11/6", "1/11/7", "2/10/5", "2/10/6", "2/10/7",
                "2/11/5", "2/11/6", "2/11/7"), seen, "the part's region, in integration, row, column order");
        assertTrue(table.metadata().get("pixeldb.provenance").contains("\"checksum\" : \"" + "ab".repeat(32))
                || table.metadata().get("pixeldb.provenance").contains("\"checksum\":\"" + "ab".repeat(32)),
                table.metadata().get("pixeldb.provenance"));
        assertTrue(deadLetterFor("not-a-part"), "the message that is not a part is dead-lettered");
    }

    /** A sample value that tells its integration, row, column and group apart; up to 65,535 (unsigned). */
    private static int sample(int integration, int row, int col, int group) {
        return 60_000 + integration * 1000 + (row - 9) * 100 + col * 10 + group;
    }

    private long rawProduct(String name) throws Exception {
        try (Connection c = db.getConnection()) {
            long exposure;
            try (PreparedStatement insert = c.prepareStatement("insert into exposure (name, sca_id, subarray, substrt1,"
                    + " substrt2, subsize1, subsize2, nints, ngroups, nframes, origin, date_obs) values (?, 493, 'SUB', 1,"
                    + " 9, 8, 4, 2, ?, 1, 'FLIGHT', '2024-01-02T03:04:05.678Z') returning id")) {
                insert.setString(1, name);
                insert.setInt(2, NGROUPS);
                ResultSet rs = insert.executeQuery();
                rs.next();
                exposure = rs.getLong(1);
            }
            long product;
            try (PreparedStatement insert = c.prepareStatement("insert into product (exposure_id, kind, checksum,"
                    + " source_bucket, source_key, source_size, header, split_at, chunk_count, chunks_loaded, state,"
                    + " loaded_at) values (?, 'RAW', ?, 'b', ?, 1, '[]', now(), 1, 1, 'LOADED', now()) returning id")) {
                insert.setLong(1, exposure);
                insert.setString(2, "ab".repeat(32));
                insert.setString(3, name + "_uncal.fits");
                ResultSet rs = insert.executeQuery();
                rs.next();
                product = rs.getLong(1);
            }
            // Strips as the writer stores them: rows 9-12, columns 1-8 in two strips of 4, ramps big-endian uint16.
            try (PreparedStatement strip = c.prepareStatement("insert into raw_ramp_strip (product_id, integration, row,"
                    + " first_col, ncols, samples) values (?, ?, ?, ?, 4, ?)")) {
                for (int integration = 1; integration <= 2; integration++) {
                    for (int row = 9; row <= 12; row++) {
                        for (int first = 1; first <= 5; first += 4) {
                            ByteBuffer samples = ByteBuffer.allocate(4 * NGROUPS * 2);
                            for (int col = first; col < first + 4; col++) {
                                for (int g = 0; g < NGROUPS; g++) {
                                    samples.putShort((short) sample(integration, row, col, g));
                                }
                            }
                            strip.setLong(1, product);
                            strip.setInt(2, integration);
                            strip.setInt(3, row);
                            strip.setInt(4, first);
                            strip.setBytes(5, samples.array());
                            strip.addBatch();
                        }
                    }
                }
                strip.executeBatch();
            }
            return product;
        }
    }

    private UUID job() throws Exception {
        UUID job = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("insert into export_job"
                + " (id, selection, products, exposures, parts, priced_rows, priced_bytes, requested_by)"
                + " values (?, '{}', '{RAW}', 1, 2, 12, 1000, 'test')")) {
            insert.setObject(1, job);
            insert.executeUpdate();
        }
        return job;
    }

    private static ExportPart part(UUID job, int index, String exposure, long product, String file) {
        return ExportPart.newBuilder().setJobId(job.toString()).setPartIndex(index).setParts(2).setExposure(exposure)
                .setProduct(ExportProduct.RAW).setProductId(product).setRowFirst(10).setRowLast(11).setColFirst(5)
                .setColLast(7).setIntegrationFirst(1).setIntegrationLast(2)
                .setObjectKey(BucketLayout.exportKey(job.toString(), file)).setFileName(file)
                .setSubmittedAt(Instant.now()).build();
    }

    /** The job's DONE and FAILED events (the ends of its parts), in the order the exporter sent them. */
    private static List<ExportEvent> events(String job, int ends) {
        List<ExportEvent> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(KafkaSettings.consumer(
                RealServers.shared().kafkaBootstrapServers(), "export-worker-test-" + UUID.randomUUID(), 500))) {
            consumer.subscribe(List.of(Topic.EXPORT_EVENTS.topicName()));
            Instant deadline = Instant.now().plusSeconds(60);
            while (events.stream().filter(e -> e.getKind() != ExportEventKind.STARTED).count() < ends
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (job.equals(record.key())) {
                        events.add(AvroMessageCodec.of(ExportEvent.class).decode(record.value()));
                    }
                }
            }
        }
        return events;
    }

    private static boolean deadLetterFor(String key) {
        try (var consumer = new KafkaConsumer<String, byte[]>(KafkaSettings.consumer(
                RealServers.shared().kafkaBootstrapServers(), "export-dead-letters-" + UUID.randomUUID(), 500))) {
            consumer.subscribe(List.of(Topic.DEAD_LETTERS.topicName()));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && String.valueOf(DeadLetters.header(record, DeadLetters.REASON))
                            .startsWith("not an ExportPart")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
