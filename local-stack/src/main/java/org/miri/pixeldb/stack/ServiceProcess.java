package org.miri.pixeldb.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.stack.server.ChildProcess;
import org.miri.pixeldb.stack.server.JavaCommand;

/** One service instance as a child JVM; restarted by the supervisor when it dies on its own. */
final class ServiceProcess {

    private final Service service;
    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final String heap;
    private final List<String> jvmOptions;
    private final Path log;
    private volatile ChildProcess process;
    private volatile boolean stopping;

    /**
     * @param name       the instance's name: the module's, or {@code exporter-2} and so on for further instances
     * @param jvmOptions further options of the JVM (up --profile's agent), or none
     */
    ServiceProcess(Service service, String name, int port, Map<String, String> environment, String heap,
            List<String> jvmOptions, Path logs) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.heap = heap;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = logs.resolve(name + ".log");
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(JavaCommand.java(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", StackHome.serviceJar(service.module()).toString()));
        process = ChildProcess.start(name, command, environment, StackHome.root(), log);
    }

    /** @return true when the process died without being asked to, and was started again */
    boolean restartIfDied() throws IOException {
        if (stopping || process == null || process.isAlive()) {
            return false;
        }
        start();
        return true;
    }

    void stop() throws InterruptedException {
        stopping = true;
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    StackState.Component describe(String host) {
        return new StackState.Component("http://" + host + ":" + port, "/q/health/ready",
                process == null ? -1 : process.pid(), log.toString());
    }

    Service service() {
        return service;
    }

    String name() {
        return name;
    }
}
