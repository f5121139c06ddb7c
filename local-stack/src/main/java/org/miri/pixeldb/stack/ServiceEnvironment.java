package org.miri.pixeldb.stack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.miri.pixeldb.platform.s3.S3Endpoint;

/**
 * The environment a service is configured by. The same variables configure the containers of
 * {@code docker-compose.yml}; a service gets only the secrets of the servers it uses.
 */
public record ServiceEnvironment(String host, String kafkaBootstrap, String jdbcUrl, String jdbcUser,
                                 String jdbcPassword, S3Endpoint s3, Duration pollInterval,
                                 String apiAdminTokenSha256) {

    public Map<String, String> forService(Service service, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", host);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("PIXELDB_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        if (service.needs(Service.Needs.POSTGRES)) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", jdbcUser);
            env.put("QUARKUS_DATASOURCE_PASSWORD", jdbcPassword);
        }
        if (service == Service.QUERY_API) {
            env.put("PIXELDB_API_ADMIN_TOKEN_SHA256", apiAdminTokenSha256);
        }
        if (service.needs(Service.Needs.S3)) {
            env.put("PIXELDB_S3_ENDPOINT", s3.endpoint());
            env.put("PIXELDB_S3_REGION", s3.region());
            env.put("PIXELDB_S3_BUCKET", s3.bucket());
            env.put("PIXELDB_S3_ACCESS_KEY", s3.accessKey());
            env.put("PIXELDB_S3_SECRET_KEY", s3.secretKey());
            env.put("PIXELDB_SPLITTER_POLL_INTERVAL", pollInterval.toString());
        }
        return env;
    }
}
