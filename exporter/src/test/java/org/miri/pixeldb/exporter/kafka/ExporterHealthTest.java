package org.miri.pixeldb.exporter.kafka;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.miri.pixeldb.testing.RealServersTestResource;
import org.miri.pixeldb.testing.ServiceHealthContract;

/** The exporter's health against the real servers: ready when Kafka, the database and the bucket answer. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ExporterHealthTest extends ServiceHealthContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("kafka", "s3");
    }

    @Override
    protected String livenessCheck() {
        return "export workers";
    }
}
