package org.miri.pixeldb.exporter.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.miri.pixeldb.exporter.part.PartExport;
import org.miri.pixeldb.exporter.part.PartRefusedException;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.ExportEventKind;
import org.miri.pixeldb.schemas.ExportPart;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * One consumer of the export-requests topic writing one part at a time: guard, STARTED, file, upload, DONE, and only
 * then the offset. Killed anywhere before the commit, the part is delivered again and written again to the same key.
 */
final class PartWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(PartWorker.class);
    private static final AvroMessageCodec<ExportPart> CODEC = AvroMessageCodec.of(ExportPart.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final ExportEvents events;
    private final DataSource db;
    private final PartExport export;
    private final PartUpload upload;
    private final Path workDir;
    private final int maxAttempts;
    private volatile boolean running = true;

    PartWorker(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, ExportEvents events,
            DataSource db, PartExport export, PartUpload upload, Path workDir, int maxAttempts) {
        this.consumer = consumer;
        this.producer = producer;
        this.events = events;
        this.db = db;
        this.export = export;
        this.upload = upload;
        this.workDir = workDir;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.subscribe(List.of(Topic.EXPORT_REQUESTS.topicName()));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record);
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("export worker stopped", e);
            }
        } finally {
            running = false;
        }
    }

    boolean running() {
        return running;
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        ExportPart part;
        try {
            part = CODEC.decode(record.value());
        } catch (RuntimeException e) {
            DeadLetters.send(producer, "exporter", record, "not an ExportPart: " + Failures.describe(e));
            return;
        }
        for (int attempt = 1; running; attempt++) {
            try {
                write(part);
                return;
            } catch (PartRefusedException e) {
                LOG.warnf("export %s part %d failed: %s", part.getJobId(), part.getPartIndex(), e.getMessage());
                send(events.about(part, ExportEventKind.FAILED).setReason(e.getMessage()).build());
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                boolean away = Failures.serverAway(e);
                LOG.warnf("part %d of export %s, attempt %d: %s", part.getPartIndex(), part.getJobId(), attempt,
                        Failures.describe(e));
                if (!away && attempt >= maxAttempts) {
                    send(events.about(part, ExportEventKind.FAILED).setReason("failed " + attempt + " times, last: "
                            + Failures.describe(e)).build());
                    return;
                }
                Thread.sleep(Math.min(30_000L, 1_000L << Math.min(attempt, 5)));
            }
        }
    }

    private void write(ExportPart part) throws Exception {
        try (var connection = db.getConnection()) {
            String skip = JobGuard.skipReason(connection, part.getJobId());
            if (skip != null) {
                LOG.infof("export %s part %d skipped: %s", part.getJobId(), part.getPartIndex(), skip);
                events.send(events.about(part, ExportEventKind.SKIPPED).setReason(skip).build());
                return;
            }
            events.send(events.about(part, ExportEventKind.STARTED).build());
            long start = System.nanoTime();
            Path file = workDir.resolve(part.getJobId() + "-" + part.getPartIndex() + ".parquet");
            try {
                Files.deleteIfExists(file);
                PartExport.Written written = export.write(connection, part, file);
                upload.put(part.getObjectKey(), file);
                events.send(events.about(part, ExportEventKind.DONE).setRows(written.rows())
                        .setBytes(written.bytes()).setObjectKey(part.getObjectKey()).build());
                LOG.infof("export %s part %d of %d (%s): %d rows, %d bytes in %d ms", part.getJobId(),
                        part.getPartIndex(), part.getParts(), part.getFileName(), written.rows(), written.bytes(),
                        (System.nanoTime() - start) / 1_000_000);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A FAILED event must reach the topic: a broker away is waited for like any other server. */
    private void send(org.miri.pixeldb.schemas.ExportEvent event) throws InterruptedException {
        while (running) {
            try {
                events.send(event);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf("export event not sent, retrying: %s", Failures.describe(e));
                Thread.sleep(2_000);
            }
        }
    }
}
