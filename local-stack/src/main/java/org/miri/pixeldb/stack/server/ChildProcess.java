package org.miri.pixeldb.stack.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the stack owns: started with its output appended to a log file, stopped politely
 * (SIGTERM, then SIGKILL after a grace period) or killed outright, as fault tests do.
 */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDir, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log);
    }

    /** Runs a command to completion; a non-zero exit becomes an exception carrying the log's tail. */
    public static void run(String name, List<String> command, Path workingDir, Path log, Duration timeout)
            throws IOException, InterruptedException {
        ChildProcess child = start(name, command, Map.of(), workingDir, log);
        if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.kill();
            throw new IOException(name + " did not finish within " + timeout + "; see " + log);
        }
        if (child.process.exitValue() != 0) {
            throw new IOException(name + " failed with exit code " + child.process.exitValue() + ":\n" + child.logTail(20));
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** SIGKILL: what a crash looks like to everybody else. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
