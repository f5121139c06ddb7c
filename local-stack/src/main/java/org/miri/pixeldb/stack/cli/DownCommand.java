package org.miri.pixeldb.stack.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.stack.StackState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down", description = "Stops the services, then the servers, keeping all data.")
final class DownCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:PIXELDB_DATA_DIR}", description = "The stack's data directory (env PIXELDB_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        StackLayout layout = StackLayout.of(dataDir);
        Optional<ProcessHandle> supervisor = StackState.supervisor(layout.state());
        if (supervisor.isEmpty()) {
            System.out.println("pixeldb is not running (data " + layout.root() + ")");
            return 0;
        }
        System.out.println("pixeldb: stopping (supervisor pid " + supervisor.get().pid() + ")");
        supervisor.get().destroy();
        supervisor.get().onExit().get(3, TimeUnit.MINUTES);
        System.out.println("pixeldb: stopped; data kept in " + layout.root());
        return 0;
    }
}
