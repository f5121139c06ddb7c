package org.miri.pixeldb.splitter;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.miri.pixeldb.platform.config.KafkaConfig;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.splitter.intake.BucketPoller;
import org.miri.pixeldb.splitter.intake.IntakeLoop;
import org.miri.pixeldb.splitter.intake.ProcessedObjects;
import org.miri.pixeldb.splitter.intake.S3Config;
import org.miri.pixeldb.splitter.split.ObjectSplitter;
import org.miri.pixeldb.splitter.split.WorkDirectory;

/** Starts the intake (and the bucket poller, where configured) with the application; stops them with it. */
@ApplicationScoped
public class SplitterService {

    @Inject
    KafkaConfig kafka;

    @Inject
    S3Config s3;

    @Inject
    SplitterConfig config;

    private Producer<String, byte[]> producer;
    private ProcessedObjects processed;
    private IntakeLoop intake;
    private Thread intakeThread;
    private ScheduledExecutorService poller;

    void start(@Observes StartupEvent event) throws IOException {
        if (config.maxObjectSize() < 1) {
            throw new IllegalStateException("pixeldb.splitter.max-object-size must be at least 1 byte, not "
                    + config.maxObjectSize());
        }
        WorkDirectory workDir = WorkDirectory.open(config.workDir()
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "pixeldb-splitter")));
        producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "fits-splitter"));
        processed = new ProcessedObjects(kafka.bootstrapServers());
        processed.catchUp();
        ObjectSplitter splitter = new ObjectSplitter(s3.toEndpoint(), workDir, producer, config.chunkBytes(),
                config.maxObjectSize());
        intake = new IntakeLoop(new KafkaConsumer<>(KafkaSettings.consumer(kafka.bootstrapServers(), "fits-splitter", 10,
                kafka.sessionTimeout())),
                producer, processed, splitter);
        intakeThread = new Thread(intake, "intake");
        intakeThread.start();
        if (!config.pollInterval().isZero()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bucket-poller"));
            poller.scheduleWithFixedDelay(new BucketPoller(s3.toEndpoint(), producer), 0,
                    config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** For the liveness check: the intake thread dies only on a bug, and then the instance must be restarted. */
    public boolean intakeRunning() {
        return intakeThread != null && intakeThread.isAlive();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller != null) {
            poller.shutdownNow();
        }
        if (intake != null) {
            intake.stop();
            intakeThread.join(30_000);
        }
        if (processed != null) {
            processed.close();
        }
        if (producer != null) {
            producer.close();
        }
    }
}
