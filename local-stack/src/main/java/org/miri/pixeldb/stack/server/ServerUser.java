package org.miri.pixeldb.stack.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who runs PostgreSQL. The server refuses to run as root, and these machines and CI run as root:
 * then it runs as an unprivileged system user, created when missing; otherwise as the caller.
 */
public final class ServerUser {

    /** The system user created for the server when the stack runs as root. */
    public static final String SYSTEM_USER = "pixeldb";

    private final boolean root;

    private ServerUser(boolean root) {
        this.root = root;
    }

    public static ServerUser forCurrentProcess() {
        return new ServerUser("root".equals(System.getProperty("user.name")));
    }

    public boolean switchesUser() {
        return root;
    }

    /** Creates the system user if needed and hands it the given folders. */
    public void prepare(Path work, Path... owned) throws IOException, InterruptedException {
        if (!root) {
            return;
        }
        Path log = work.resolve("server-user.log");
        if (new ProcessBuilder("id", "-u", SYSTEM_USER).start().waitFor() != 0) {
            ChildProcess.run("useradd", List.of("useradd", "--system", "--no-create-home", "--shell",
                    "/usr/sbin/nologin", SYSTEM_USER), work, log, Duration.ofSeconds(30));
        }
        for (Path path : owned) {
            ChildProcess.run("chown", List.of("chown", "-R", SYSTEM_USER + ":", path.toString()), work, log,
                    Duration.ofSeconds(60));
            ChildProcess.run("access check", List.of("runuser", "-u", SYSTEM_USER, "--", "test", "-w", path.toString()),
                    work, log, Duration.ofSeconds(30));
        }
    }

    /** The command, run as the server's user. */
    public List<String> command(String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }
}
