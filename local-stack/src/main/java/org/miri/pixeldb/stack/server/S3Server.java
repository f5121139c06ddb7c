package org.miri.pixeldb.stack.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * An S3-compatible server: S3Proxy over a filesystem directory, with AWS signature checks on. The
 * ingest bucket is a folder of that directory; it is created through the S3 API like any bucket.
 */
public final class S3Server implements ManagedServer {

    private final Path dir;
    private final S3Endpoint endpoint;
    private final int port;
    private final List<String> jvmOptions;
    private final String notificationBrokers;
    private ChildProcess process;

    public S3Server(Path dir, String host, int port, String region, String bucket, String accessKey, String secretKey) {
        this(dir, host, port, region, bucket, accessKey, secretKey, List.of());
    }

    public S3Server(Path dir, String host, int port, String region, String bucket, String accessKey, String secretKey,
            List<String> jvmOptions) {
        this(dir, host, port, region, bucket, accessKey, secretKey, jvmOptions, null);
    }

    /**
     * @param jvmOptions          further options of S3Proxy's JVM (up --profile's agent)
     * @param notificationBrokers Kafka's bootstrap servers, to publish an S3 event notification for every object
     *                            created ({@link NotifyingS3Proxy}); null: plain S3Proxy, the bucket must be listed
     */
    public S3Server(Path dir, String host, int port, String region, String bucket, String accessKey, String secretKey,
            List<String> jvmOptions, String notificationBrokers) {
        this.notificationBrokers = notificationBrokers;
        this.dir = dir;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.endpoint = new S3Endpoint("http://" + host + ":" + port, region, bucket, accessKey, secretKey);
    }

    @Override
    public String name() {
        return "s3";
    }

    public S3Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(dir.resolve("buckets"));
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint.endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + endpoint.accessKey(),
                "s3proxy.credential=" + endpoint.secretKey(),
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dir.resolve("buckets"),
                notificationBrokers == null ? "" : NotifyingS3Proxy.BOOTSTRAP + "=" + notificationBrokers,
                ""));
        // The file holds the secret: readable by its owner only.
        Files.setPosixFilePermissions(properties, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(JavaCommand.quietLogging(dir));
        process = ChildProcess.start(name(),
                notificationBrokers == null
                        ? JavaCommand.forMainClass("256m", "org.gaul.s3proxy.Main", options, "--properties",
                                properties.toString())
                        : JavaCommand.forMainClass("256m", NotifyingS3Proxy.class.getName(), options,
                                properties.toString()),
                Map.of(), dir, dir.resolve("s3proxy.log"));
        Waits.until("S3Proxy on " + endpoint.endpoint(), Duration.ofSeconds(60), this::answers, process);
        try (S3Client s3 = endpoint.client()) {
            if (!bucketExists(s3)) {
                s3.createBucket(b -> b.bucket(endpoint.bucket()));
            }
        }
    }

    private boolean answers() {
        try (S3Client s3 = endpoint.client()) {
            s3.listBuckets();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean bucketExists(S3Client s3) {
        try {
            s3.headBucket(b -> b.bucket(endpoint.bucket()));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        }
    }

    @Override
    public boolean isHealthy(Duration timeout) {
        try (S3Client s3 = endpoint.client()) {
            return bucketExists(s3);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void stop() throws Exception {
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
        }
    }

    @Override
    public void kill() throws Exception {
        if (process != null) {
            process.kill();
        }
    }
}
