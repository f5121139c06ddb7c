package org.miri.pixeldb.stack.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "down", description = "Stops the services, then the servers, keeping all data.")
final class DownCommand implements Callable<Integer> {

    @Mixin
    StackDirectory stack;

    @Override
    public Integer call() throws Exception {
        // Nothing running is no error: down is done either way.
        Optional<ProcessHandle> supervisor = stack.supervisorOrSayNone();
        if (supervisor.isPresent()) {
            stop(supervisor.get());
        }
        return 0;
    }

    private void stop(ProcessHandle supervisor) throws Exception {
        System.out.println("pixeldb: stopping (supervisor pid " + supervisor.pid() + ")");
        supervisor.destroy();
        supervisor.onExit().get(3, TimeUnit.MINUTES);
        System.out.println("pixeldb: stopped; data kept in " + stack.layout().root());
    }
}
