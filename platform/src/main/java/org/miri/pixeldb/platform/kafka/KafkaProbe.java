package org.miri.pixeldb.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Asks a Kafka cluster who it is; the one answer every health check and wait loop needs. */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    /** @return the cluster id, or throws with the broker's or the client's reason */
    public static String clusterId(String bootstrapServers, Duration timeout) throws Exception {
        int millis = (int) timeout.toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500))) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .clusterId().get(millis, TimeUnit.MILLISECONDS);
        }
    }
}
