package org.miri.pixeldb.stack.server;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.s3.ObjectCreatedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's S3 server: S3Proxy over its filesystem store, publishing an S3 event notification to the
 * bucket-events topic for every object created, as AWS (through a queue) and MinIO (straight to Kafka) do. Without
 * it, the splitter had to list the bucket to see uploads: a listing of 3,000 objects costs S3Proxy a quarter of a
 * core at one listing a second (docs/decisions/0023-local-bucket-notifications.md).
 *
 * <p>Arguments: the S3Proxy properties file, which also holds {@value #BOOTSTRAP} (the Kafka brokers).
 */
public final class NotifyingS3Proxy {

    static final String BOOTSTRAP = "pixeldb.notifications.bootstrap-servers";
    private static final Logger LOG = LoggerFactory.getLogger(NotifyingS3Proxy.class);

    private NotifyingS3Proxy() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        Producer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(
                properties.getProperty(BOOTSTRAP), "s3-notifications"));
        // One thread: a send that waits for a broker being restarted must not hold an upload's response.
        ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "s3-notifications");
            t.setDaemon(true);
            return t;
        });
        NotifyingBlobStore store = new NotifyingBlobStore(
                BlobStores.create(properties.getProperty("jclouds.provider"), properties),
                event -> sender.execute(() -> producer.send(
                        new ProducerRecord<>(Topic.BUCKET_EVENTS.topicName(), event.recordKey(), event.toJson()),
                        (metadata, e) -> {
                            if (e != null) {
                                LOG.warn("notification of {} not published: {}", event.recordKey(), e.toString());
                            }
                        })));
        S3Proxy proxy = S3Proxy.Builder.fromProperties(properties).blobStore(store).build();
        proxy.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception e) {
                LOG.warn("S3Proxy did not stop cleanly: {}", e.toString());
            }
            sender.shutdown();
            producer.close();
        }, "s3-shutdown"));
    }
}
