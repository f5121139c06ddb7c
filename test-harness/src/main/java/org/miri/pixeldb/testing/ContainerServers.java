package org.miri.pixeldb.testing;

import java.util.UUID;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import software.amazon.awssdk.services.s3.S3Client;

/** The official images of the same servers, for machines with a Docker engine. */
final class ContainerServers implements SharedServers.ServerSet {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
    private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17")
            .withDatabaseName("pixeldb").withUsername("pixeldb").withPassword(UUID.randomUUID().toString());
    private final MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z")
            .withUserName("pixeldb-test").withPassword(UUID.randomUUID().toString());

    @Override
    public RealServers start() {
        kafka.start();
        postgres.start();
        minio.start();
        EmbeddedServers.provisionTopics(kafka.getBootstrapServers());
        EmbeddedServers.setUpDatabase(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        S3Endpoint s3 = new S3Endpoint(minio.getS3URL(), "us-east-1", "pixeldb-test", minio.getUserName(),
                minio.getPassword());
        try (S3Client client = s3.client()) {
            client.createBucket(b -> b.bucket(s3.bucket()));
        }
        return new RealServers(kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword(), s3, "containers");
    }

    @Override
    public void stop() {
        minio.stop();
        postgres.stop();
        kafka.stop();
    }
}
