package org.miri.pixeldb.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.stack.StackState;
import picocli.CommandLine;

/**
 * {@code ./pixeldb restart}'s half of the hand-over: it leaves a request the supervisor deletes once the server
 * is back, and returns when that happened. (The supervisor's half runs in the system tests' fault suite.)
 */
class RestartCommandTest {

    @TempDir
    Path data;

    @Test
    void withoutARunningStackItSaysSoAndExits3() {
        assertEquals(3, new CommandLine(new PixelDbCommand()).execute("restart", "kafka", "--data-dir", data.toString()));
    }

    @Test
    void itWaitsUntilTheSupervisorHasHonouredTheRequest() throws Exception {
        StackLayout layout = StackLayout.of(data);
        Files.createDirectories(layout.run());
        // This JVM stands in for the supervisor: alive, and deleting the request as the supervisor does after the restart.
        new StackState(ProcessHandle.current().pid(), "now", data.toString(), null, null, null, null, null, null,
                Map.of(), Map.of()).write(layout.state());
        Path request = layout.restartRequest("postgres");
        Thread supervisor = new Thread(() -> {
            try {
                while (!Files.exists(request)) {
                    Thread.sleep(20);
                }
                Files.delete(request);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        supervisor.start();
        assertEquals(0, new CommandLine(new PixelDbCommand()).execute("restart", "postgres", "--data-dir", data.toString()));
        supervisor.join(10_000);
        assertTrue(!Files.exists(request));
    }

    @Test
    void onlyKafkaAndPostgresCanBeRestarted() {
        assertEquals(2, new CommandLine(new PixelDbCommand()).execute("restart", "s3", "--data-dir", data.toString()));
    }
}
