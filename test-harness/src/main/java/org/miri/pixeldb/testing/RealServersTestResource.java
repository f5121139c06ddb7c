package org.miri.pixeldb.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code @QuarkusTestResource(RealServersTestResource.class)}: a Quarkus service under test is
 * configured for the JVM's real servers, through the same keys the deployment sets.
 */
public final class RealServersTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RealServers servers = RealServers.shared();
        Map<String, String> config = new HashMap<>();
        config.put("pixeldb.kafka.bootstrap-servers", servers.kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", servers.jdbcUrl());
        // The service's own database login (its configured user name), never the superuser: tests see the rights
        // the service has in production. The harness gave every login the same password.
        config.put("quarkus.datasource.password", servers.jdbcPassword());
        config.put("pixeldb.s3.endpoint", servers.s3().endpoint());
        config.put("pixeldb.s3.region", servers.s3().region());
        config.put("pixeldb.s3.bucket", servers.s3().bucket());
        config.put("pixeldb.s3.access-key", servers.s3().accessKey());
        config.put("pixeldb.s3.secret-key", servers.s3().secretKey());
        return config;
    }

    @Override
    public void stop() {
        // The servers belong to the JVM and stop with it, so later test classes reuse them.
    }
}
