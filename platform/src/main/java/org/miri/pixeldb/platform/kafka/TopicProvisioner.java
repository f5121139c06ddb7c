package org.miri.pixeldb.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics with their settings, grows partition counts that are below the
 * configured ones, and applies the catalogue's settings to topics that exist already.
 * Idempotent, so every start of a stack or a deployment can run it.
 */
public final class TopicProvisioner {

    private final Admin admin;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, short replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /** @param partitions the wanted partition count per topic; topics absent from it get their default */
    public void provision(Map<Topic, Integer> partitions) throws InterruptedException, TimeoutException {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                int wanted = partitions.getOrDefault(topic, topic.defaultPartitions());
                if (!existing.contains(topic.topicName())) {
                    missing.add(new NewTopic(topic.topicName(), wanted, replicationFactor).configs(topic.config()));
                } else {
                    grow(topic.topicName(), wanted);
                    configure(topic);
                }
            }
            createAll(missing);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not provision Kafka topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void createAll(List<NewTopic> missing) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another instance provisioning at the same moment is not an error.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Topics created by an older release get the settings the catalogue declares now. */
    private void configure(Topic topic) throws InterruptedException, ExecutionException, TimeoutException {
        if (topic.config().isEmpty()) {
            return;
        }
        List<AlterConfigOp> ops = topic.config().entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()), ops))
                .all().get(30, TimeUnit.SECONDS);
    }

    private void grow(String name, int wanted) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(name);
        if (description.partitions().size() < wanted) {
            admin.createPartitions(Map.of(name, NewPartitions.increaseTo(wanted))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
