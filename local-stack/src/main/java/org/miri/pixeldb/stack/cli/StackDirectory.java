package org.miri.pixeldb.stack.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.stack.StackState;
import picocli.CommandLine.Option;

/** The data-directory option of every command that works on a stack (a picocli mixin), and what it finds there. */
final class StackDirectory {

    @Option(names = "--data-dir", defaultValue = "${env:PIXELDB_DATA_DIR}",
            description = "The stack's data directory (env PIXELDB_DATA_DIR).")
    Path dataDir;

    StackLayout layout() {
        return StackLayout.of(dataDir);
    }

    /** The supervisor's process, when a stack runs from this directory. */
    private Optional<ProcessHandle> supervisor() throws IOException {
        return StackState.supervisor(layout().state());
    }

    /** The running stack's state; for commands that need one running. */
    StackState running() throws IOException {
        return runningState()
                .orElseThrow(() -> new IllegalStateException("pixeldb is not running; start it with ./pixeldb up --detach"));
    }

    /** The running stack's state, or empty when none runs from this directory. */
    Optional<StackState> runningState() throws IOException {
        return StackState.read(layout().state()).filter(StackState::supervisorAlive);
    }

    /** The supervisor's process; when no stack runs from this directory, empty, and the command's user is told so. */
    Optional<ProcessHandle> supervisorOrSayNone() throws IOException {
        Optional<ProcessHandle> supervisor = supervisor();
        if (supervisor.isEmpty()) {
            System.out.println("pixeldb is not running (data " + layout().root() + ")");
        }
        return supervisor;
    }
}
