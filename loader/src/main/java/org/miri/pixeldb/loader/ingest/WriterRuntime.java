package org.miri.pixeldb.loader.ingest;

import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.miri.pixeldb.loader.kafka.LoadLoop;
import org.miri.pixeldb.platform.kafka.KafkaSettings;

/**
 * A writer's moving parts: its consumer group, the load loop on its own thread, and the producer of
 * its dead letters and acknowledgements. The ramp-writer and the corrected-writer differ only in the product kinds and
 * chunk streams they are given.
 */
public final class WriterRuntime implements AutoCloseable {

    private final Producer<String, byte[]> deadLetters;
    private final LoadLoop loop;
    private final Thread thread;
    private final String service;

    public WriterRuntime(WriterRole role, WriterSettings settings, DataSource dataSource) {
        service = role.service();
        String bootstrapServers = settings.bootstrapServers();
        deadLetters = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, service));
        LoadAcks acks = new LoadAcks(deadLetters, WriterInstance.name(service));
        ProductLoadHandler handler = new ProductLoadHandler(deadLetters, service,
                new ProductLoad(Set.copyOf(role.kinds()), role.ownsEventsWithoutProduct(), acks), role.streams(),
                settings.maxChunkWait());
        loop = new LoadLoop(new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, service,
                settings.maxPollRecords(), settings.sessionTimeout())), dataSource, handler, handler.topics());
        thread = new Thread(loop, service + "-load-loop");
        thread.start();
    }

    /** The consumer group and client id, e.g. ramp-writer. */
    public String service() {
        return service;
    }

    /** For the readiness check: the loop's thread ends only on a bug or at shutdown. */
    public boolean running() {
        return thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        loop.stop();
        thread.join(30_000);
        deadLetters.close();
    }
}
