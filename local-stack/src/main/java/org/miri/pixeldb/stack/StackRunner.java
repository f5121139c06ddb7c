package org.miri.pixeldb.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.stack.server.ChildProcess;
import org.miri.pixeldb.stack.server.JavaCommand;

/** The two ways to run the stack: in this process, or in a background process that outlives it. */
public final class StackRunner {

    private StackRunner() {
    }

    public static int runInForeground(StackConfig config) throws Exception {
        new Supervisor(config).run();
        return 0;
    }

    /** Starts the supervisor in its own session and waits until every part of the stack is healthy. */
    public static int startDetached(StackConfig config, StackLayout layout, List<String> args) throws Exception {
        Files.deleteIfExists(layout.state());
        List<String> command = new ArrayList<>(List.of("setsid", JavaCommand.java(),
                "-Dpixeldb.home=" + StackHome.root(), "-cp", System.getProperty("java.class.path"),
                "org.miri.pixeldb.stack.cli.PixelDbCommand"));
        command.addAll(args);
        Path log = layout.logs().resolve("stack.log");
        ChildProcess supervisor = ChildProcess.start("pixeldb", command, Map.of(), StackHome.root(), log);
        System.out.println("pixeldb: starting in the background (log " + log + ")");
        long deadline = System.nanoTime() + Duration.ofSeconds(config.startTimeoutSeconds).toNanos();
        HealthProbe probe = new HealthProbe();
        Map<String, String> health = Map.of();
        while (System.nanoTime() < deadline) {
            if (!supervisor.isAlive()) {
                System.err.println("pixeldb: the stack exited during start-up:\n" + supervisor.logTail(30));
                return 1;
            }
            var state = StackState.read(layout.state());
            if (state.isPresent()) {
                health = probe.check(state.get());
                if (HealthProbe.allUp(health)) {
                    StatusPrinter.print(state.get(), health, System.out, false);
                    return 0;
                }
            }
            Thread.sleep(1000);
        }
        System.err.println("pixeldb: not healthy within " + config.startTimeoutSeconds + " s: " + health
                + "\nIt keeps starting in the background; see " + layout.logs() + " and ./pixeldb status");
        return 1;
    }
}
