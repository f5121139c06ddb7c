package org.miri.pixeldb.stack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.platform.s3.S3Endpoint;

/**
 * The environment a service is configured by. The same variables configure the containers of
 * {@code docker-compose.yml}; a service gets only the secrets of the servers it uses. (The local S3 server has one
 * account, so fits-splitter, query-api and the exporter share its keys; compose gives each its own MinIO user.)
 */
public record ServiceEnvironment(String host, String kafkaBootstrap, String jdbcUrl,
                                 Map<DatabaseLogin, String> loginPasswords, S3Endpoint s3, Duration pollInterval,
                                 String apiAdminTokenSha256) {

    public Map<String, String> forService(Service service, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", host);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("PIXELDB_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        if (service.needs(Service.Needs.POSTGRES)) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            // Each service its own login (migration V11's roles), never the superuser that set them up.
            DatabaseLogin login = service.databaseLogin();
            env.put("QUARKUS_DATASOURCE_USERNAME", login.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", loginPasswords.get(login));
        }
        if (service == Service.QUERY_API) {
            env.put("QUARKUS_DATASOURCE_WRITE_USERNAME", DatabaseLogin.API_WRITER.user());
            env.put("QUARKUS_DATASOURCE_WRITE_PASSWORD", loginPasswords.get(DatabaseLogin.API_WRITER));
            env.put("PIXELDB_API_ADMIN_TOKEN_SHA256", apiAdminTokenSha256);
        }
        if (service.needs(Service.Needs.S3)) {
            env.put("PIXELDB_S3_ENDPOINT", s3.endpoint());
            env.put("PIXELDB_S3_REGION", s3.region());
            env.put("PIXELDB_S3_BUCKET", s3.bucket());
            env.put("PIXELDB_S3_ACCESS_KEY", s3.accessKey());
            env.put("PIXELDB_S3_SECRET_KEY", s3.secretKey());
        }
        if (service == Service.FITS_SPLITTER) {
            env.put("PIXELDB_SPLITTER_POLL_INTERVAL", pollInterval.toString());
        }
        return env;
    }
}
