package org.miri.pixeldb.exporter.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.miri.pixeldb.exporter.config.ExporterConfig;
import org.miri.pixeldb.exporter.config.S3Config;
import org.miri.pixeldb.exporter.part.PartExport;
import org.miri.pixeldb.platform.config.KafkaConfig;
import org.miri.pixeldb.platform.kafka.KafkaSettings;

/**
 * Starts the configured number of part workers with the application, each a member of the exporters' consumer group,
 * and reports them as liveness. Parts of a job go to consecutive partitions (query-api's choice) and the round-robin
 * assignor deals consecutive partitions to different members, so one job's parts spread over every worker.
 */
@Liveness
@ApplicationScoped
public class ExporterService implements HealthCheck {

    static final String GROUP = "pixeldb-exporter";

    @Inject
    KafkaConfig kafka;

    @Inject
    ExporterConfig config;

    @Inject
    S3Config s3;

    @Inject
    DataSource db;

    private final List<PartWorker> workers = new ArrayList<>();
    private Producer<String, byte[]> producer;
    private PartUpload upload;

    void start(@Observes StartupEvent event) throws IOException {
        config.check();
        Path workDir = config.workDir().orElse(Files.createTempDirectory("pixeldb-exporter"));
        Files.createDirectories(workDir);
        String instance = InetAddress.getLocalHost().getHostName() + "/" + ManagementFactory.getRuntimeMXBean().getPid();
        producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "exporter-" + instance));
        upload = new PartUpload(s3.toEndpoint());
        PartExport export = new PartExport(workDir, config.partMemory(), config.rowGroupRows());
        for (int i = 0; i < config.workers(); i++) {
            Map<String, Object> settings = KafkaSettings.consumer(kafka.bootstrapServers(), GROUP, 1,
                    kafka.sessionTimeout());
            settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RoundRobinAssignor.class.getName());
            PartWorker worker = new PartWorker(new KafkaConsumer<>(settings), producer,
                    new ExportEvents(producer, instance), db, export, upload, workDir, config.maxAttempts());
            workers.add(worker);
            Thread thread = new Thread(worker, "export-worker-" + i);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.forEach(PartWorker::stop);
        if (producer != null) {
            producer.close();
        }
        if (upload != null) {
            upload.close();
        }
    }

    /** Live while every worker runs: one stops only on a bug, and a restart is then the remedy. */
    @Override
    public HealthCheckResponse call() {
        long running = workers.stream().filter(PartWorker::running).count();
        return HealthCheckResponse.named("export workers").withData("running", running)
                .status(!workers.isEmpty() && running == workers.size()).build();
    }
}
