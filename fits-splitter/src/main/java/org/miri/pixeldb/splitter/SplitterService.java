package org.miri.pixeldb.splitter;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.miri.pixeldb.splitter.split.SplitProducers;
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

    /** Each object in progress holds a download of up to max-object-size on disk and a read buffer in memory. */
    static final int MAX_CONCURRENT_OBJECTS = 16;

    private Producer<String, byte[]> producer;
    private Producer<String, byte[]> rawRampProducer;
    private Producer<String, byte[]> eventProducer;
    private ProcessedObjects processed;
    private IntakeLoop intake;
    private Thread intakeThread;
    private ScheduledExecutorService poller;
    private BucketPoller bucketPoller;

    void start(@Observes StartupEvent event) throws IOException {
        check(config);
        WorkDirectory workDir = WorkDirectory.open(config.workDir()
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "pixeldb-splitter")));
        producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "fits-splitter",
                config.recordCompression()));
        rawRampProducer = new KafkaProducer<>(KafkaSettings.uncompressedProducer(kafka.bootstrapServers(),
                "fits-splitter-raw"));
        eventProducer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "fits-splitter-events"));
        SplitProducers producers = new SplitProducers(eventProducer, producer, rawRampProducer);
        processed = new ProcessedObjects(kafka.bootstrapServers());
        processed.catchUp();
        List<ObjectSplitter> splitters = new ArrayList<>();
        for (int i = 0; i < config.concurrentObjects(); i++) {
            splitters.add(new ObjectSplitter(s3.toEndpoint(), workDir, producers, config.chunkBytes(),
                    config.maxObjectSize()));
        }
        intake = new IntakeLoop(new KafkaConsumer<>(KafkaSettings.consumer(kafka.bootstrapServers(), "fits-splitter", 10,
                kafka.sessionTimeout())),
                eventProducer, processed, splitters);
        intakeThread = new Thread(intake, "intake");
        intakeThread.start();
        if (!config.pollInterval().isZero()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bucket-poller"));
            // Not the ramps' producer: its flush waits for every ramp in flight, and held a new object's notification
            // back by up to a whole split (0.2-0.9 s of a SUB64 file's latency, 2026-12-06).
            bucketPoller = new BucketPoller(s3.toEndpoint(), eventProducer, processed::isFinished);
            poller.scheduleWithFixedDelay(bucketPoller, 0,
                    config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Contradictions fail the start, before anything is downloaded. */
    static void check(SplitterConfig config) {
        if (config.maxObjectSize() < 1) {
            throw new IllegalStateException("pixeldb.splitter.max-object-size must be at least 1 byte, not "
                    + config.maxObjectSize());
        }
        if (config.concurrentObjects() < 1 || config.concurrentObjects() > MAX_CONCURRENT_OBJECTS) {
            throw new IllegalStateException("pixeldb.splitter.concurrent-objects must be 1.." + MAX_CONCURRENT_OBJECTS
                    + ", not " + config.concurrentObjects());
        }
    }

    /** For the liveness check: the intake thread dies only on a bug, and then the instance must be restarted. */
    public boolean intakeRunning() {
        return intakeThread != null && intakeThread.isAlive();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller != null) {
            poller.shutdownNow();
            poller.awaitTermination(10, TimeUnit.SECONDS);
            bucketPoller.close();
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
        if (rawRampProducer != null) {
            rawRampProducer.close();
        }
        if (eventProducer != null) {
            eventProducer.close();
        }
    }
}
