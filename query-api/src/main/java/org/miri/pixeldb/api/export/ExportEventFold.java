package org.miri.pixeldb.api.export;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.platform.config.KafkaConfig;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.ExportEvent;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * Folds the exporters' events into export_part: each poll's events in one transaction, the offsets committed after
 * it. Every instance of the API is a member of one group, so they share the topic's partitions; an event applied
 * twice (a crash between the commit and the offsets) rewrites its row with the same values ({@link PartFold}).
 */
@Liveness
@ApplicationScoped
public class ExportEventFold implements HealthCheck {

    static final String GROUP = "pixeldb-export-status";
    private static final Logger LOG = Logger.getLogger(ExportEventFold.class);
    private static final AvroMessageCodec<ExportEvent> CODEC = AvroMessageCodec.of(ExportEvent.class);

    @Inject
    KafkaConfig kafka;

    @Inject
    ApiConfig config;

    @Inject
    Database database;

    @Inject
    ExportFiles files;

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;

    void start(@Observes Startup event) {
        running = true;
        Thread thread = new Thread(this::run, "export-event-fold");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaSettings.consumer(kafka.bootstrapServers(),
                    GROUP, 500, kafka.sessionTimeout()))) {
                consumer = c;
                c.subscribe(List.of(Topic.EXPORT_EVENTS.topicName()));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        apply(records);
                        c.commitSync();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                // The database or the broker away: start over from the committed offsets after a pause.
                LOG.warnf("export event fold: %s; retrying in 2 s", e.getMessage());
                pause();
            }
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) throws Exception {
        List<String> orphans = new ArrayList<>();
        try (Connection db = database.write(config.statementTimeout())) {
            for (ConsumerRecord<String, byte[]> record : records) {
                ExportEvent event;
                try {
                    event = CODEC.decode(record.value());
                } catch (RuntimeException e) {
                    LOG.warnf("export event %s/%d@%d ignored: %s", record.topic(), record.partition(), record.offset(),
                            e.getMessage());
                    continue;
                }
                if (!PartFold.apply(db, event) && event.getObjectKey() != null) {
                    orphans.add(event.getObjectKey());
                }
            }
            db.commit();
        }
        // A file finished after its job was removed: nobody can list it any more, so it goes too.
        orphans.forEach(files::delete);
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("export event fold").status(running).build();
    }
}
