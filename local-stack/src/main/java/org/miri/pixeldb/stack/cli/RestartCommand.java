package org.miri.pixeldb.stack.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Asks the running supervisor to stop and start one of its servers, and waits until it has: the fault suite
 * restarts Kafka and PostgreSQL mid-load this way. The supervisor owns the server processes, so the request
 * is a file in its run directory rather than a signal to a process this command does not know.
 */
@Command(name = "restart", description = "Restarts the stack's Kafka broker or PostgreSQL server (stop, start, same data); waits until it is back.")
final class RestartCommand implements Callable<Integer> {

    enum Server { kafka, postgres }

    @Parameters(index = "0", description = "kafka or postgres")
    Server server;

    @Mixin
    StackDirectory stack;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the restart.")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Optional<ProcessHandle> supervisor = stack.supervisorOrSayNone();
        if (supervisor.isEmpty()) {
            return 3;
        }
        Path request = stack.layout().restartRequest(server.name());
        long started = System.nanoTime();
        Files.writeString(request, "requested by pid " + ProcessHandle.current().pid() + "\n");
        long deadline = started + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (Files.exists(request)) {
            if (System.nanoTime() > deadline || !supervisor.get().isAlive()) {
                System.out.println("pixeldb: " + server + " was not restarted within " + timeoutSeconds + " s");
                return 1;
            }
            Thread.sleep(200);
        }
        System.out.printf("pixeldb: %s restarted in %.1f s%n", server, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
