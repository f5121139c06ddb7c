package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;

/**
 * The faults the suite can strike on a running stack, taken from a snapshot of {@code ./pixeldb status}
 * made while every part was healthy, so that striking costs no command start at the chosen moment.
 */
final class StackFaults {

    private final RunningStack stack;
    private final JsonNode status;
    private final List<AutoCloseable> leftovers = new ArrayList<>();

    private StackFaults(RunningStack stack, JsonNode status) {
        this.stack = stack;
        this.status = status;
    }

    /** Waits until {@code ./pixeldb status} says every server and service is UP (a killed one is back). */
    static StackFaults whenHealthy(RunningStack stack) throws Exception {
        JsonNode[] status = new JsonNode[1];
        RunningStack.await("every part of the stack UP", Duration.ofMinutes(4), () -> {
            try {
                PixelDbCli.Result json = stack.cli.run("status", "--json");
                status[0] = new ObjectMapper().readTree(json.output().substring(json.output().indexOf('{')));
                return json.exitCode() == 0;
            } catch (Exception e) {
                return false;
            }
        });
        return new StackFaults(stack, status[0]);
    }

    /**
     * SIGKILL of the service's process; the supervisor starts it again. The dead consumer is then evicted from
     * its group, which the broker would do itself once the session timeout passed (pixeldb.kafka.session-timeout,
     * 15 s): the restarted instance's rebalance is the same, the suite just need not wait 30 times for it.
     */
    void killService(String service) throws Exception {
        killService(service, service);
    }

    /** As {@link #killService(String)}, for a service whose consumer group is not named after it. */
    void killService(String service, String group) throws Exception {
        long pid = status.path("services").path(service).path("pid").asLong();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(service + " is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        System.out.printf("fault suite: %s (pid %d) killed%n", service, pid);
        evictGroup(group);
    }

    /** {@code ./pixeldb restart kafka|postgres}: a clean stop and start of the server under the loading services. */
    void restartServer(String server) throws Exception {
        PixelDbCli.Result restart = stack.cli.run("restart", server);
        assertEquals(0, restart.exitCode(), restart.output());
    }

    /**
     * A second ramp-writer joins mid-load (Kafka shares the partitions out), then one goes: the added one with
     * SIGTERM (it leaves the group), or the supervised one with SIGKILL (evicted as in {@link #killService}).
     * An instance still running afterwards is a leftover the trial stops once its batch is verified.
     */
    void scaleRampWriterOutAndIn(boolean killTheOriginal, Duration hold, Path log) throws Exception {
        long started = System.nanoTime();
        ExtraServiceInstance extra = ExtraServiceInstance.start("ramp-writer", status, log);
        leftovers.add(extra);
        RunningStack.await("the second ramp-writer ready", Duration.ofMinutes(2), extra::isReady);
        System.out.printf("fault suite: second ramp-writer %d ready %d ms after the upload began; one goes %d ms"
                + " later%n", extra.pid(), (System.nanoTime() - started) / 1_000_000, hold.toMillis());
        Thread.sleep(hold.toMillis());
        if (killTheOriginal) {
            killService("ramp-writer");
        } else {
            extra.stop();
        }
    }

    void stopLeftovers() throws Exception {
        for (AutoCloseable leftover : leftovers) {
            leftover.close();
        }
        leftovers.clear();
    }

    private void evictGroup(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, status.path("kafka").asText()))) {
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // An empty group (the member already gone) has nobody to remove; anything else is worth seeing.
            System.out.println("fault suite: evicting " + group + ": " + e.getCause());
        }
    }
}
