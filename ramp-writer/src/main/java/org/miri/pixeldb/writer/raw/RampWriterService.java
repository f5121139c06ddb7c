package org.miri.pixeldb.writer.raw;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.miri.pixeldb.loader.kafka.LoadLoop;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;

/** Runs the load loop of raw ramps with the application: Kafka in, COPY into PostgreSQL, offsets after commit. */
@ApplicationScoped
public class RampWriterService {

    @ConfigProperty(name = "pixeldb.kafka.bootstrap-servers")
    String bootstrapServers;

    @ConfigProperty(name = "pixeldb.writer.max-poll-records", defaultValue = "64")
    int maxPollRecords;

    @Inject
    DataSource dataSource;

    private Producer<String, byte[]> deadLetters;
    private LoadLoop loop;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        deadLetters = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "ramp-writer"));
        loop = new LoadLoop(new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, "ramp-writer", maxPollRecords)),
                dataSource, new RawLoadHandler(deadLetters),
                List.of(Topic.EXPOSURES.topicName(), Topic.RAW_RAMPS.topicName(), Topic.MANIFESTS.topicName()));
        thread = new Thread(loop, "raw-load-loop");
        thread.start();
    }

    public boolean running() {
        return thread != null && thread.isAlive();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
            thread.join(30_000);
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
    }
}
