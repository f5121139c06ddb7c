package org.miri.pixeldb.platform.kafka;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The deployment's one-shot topic step: creates or grows the catalogue's topics and exits. It runs
 * from any service image ({@code java -cp '/deployments/lib/main/*' ...TopicProvisioning}), so the
 * deployment creates exactly the topics the code declares, with no second list to keep in step.
 */
public final class TopicProvisioning {

    public static final String BOOTSTRAP_SERVERS = "PIXELDB_KAFKA_BOOTSTRAP_SERVERS";
    public static final String RAMP_PARTITIONS = "PIXELDB_RAMP_PARTITIONS";
    public static final String REPLICATION_FACTOR = "PIXELDB_KAFKA_REPLICATION_FACTOR";
    /** Every variable this step reads; anything else given to it is a mistake. */
    public static final List<String> VARIABLES = List.of(BOOTSTRAP_SERVERS, RAMP_PARTITIONS, REPLICATION_FACTOR);

    private TopicProvisioning() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String bootstrap = env.get(BOOTSTRAP_SERVERS);
        if (bootstrap == null || bootstrap.isBlank()) {
            System.err.println("topic provisioning: " + BOOTSTRAP_SERVERS + " is not set");
            System.exit(2);
        }
        short replication = Short.parseShort(env.getOrDefault(REPLICATION_FACTOR, "1"));
        Map<Topic, Integer> partitions = partitions(env.get(RAMP_PARTITIONS));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicProvisioner(admin, replication).provision(partitions);
        }
        for (Topic topic : Topic.values()) {
            System.out.println("topic provisioning: " + topic.topicName() + " ready, at least "
                    + partitions.getOrDefault(topic, topic.defaultPartitions()) + " partitions");
        }
    }

    /** The ramp topics take the wanted count (the most writer instances that share one exposure); others their default. */
    static Map<Topic, Integer> partitions(String rampPartitions) {
        Map<Topic, Integer> partitions = new EnumMap<>(Topic.class);
        if (rampPartitions != null && !rampPartitions.isBlank()) {
            int ramps = Integer.parseInt(rampPartitions.trim());
            if (ramps < 1) {
                throw new IllegalArgumentException(RAMP_PARTITIONS + " must be at least 1, not " + ramps);
            }
            partitions.put(Topic.RAW_RAMPS, ramps);
            partitions.put(Topic.CORRECTED_RAMPS, ramps);
        }
        return partitions;
    }
}
