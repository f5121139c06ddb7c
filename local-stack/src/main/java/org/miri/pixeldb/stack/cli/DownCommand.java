package org.miri.pixeldb.stack.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.miri.pixeldb.stack.StackLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "down", description = "Stops the services, then the servers, keeping all data.")
final class DownCommand implements Callable<Integer> {

    @Mixin
    StackDirectory stack;

    @Override
    public Integer call() throws Exception {
        StackLayout layout = stack.layout();
        Optional<ProcessHandle> supervisor = stack.supervisor();
        if (supervisor.isEmpty()) {
            System.out.println(stack.notRunning());
            return 0;
        }
        System.out.println("pixeldb: stopping (supervisor pid " + supervisor.get().pid() + ")");
        supervisor.get().destroy();
        supervisor.get().onExit().get(3, TimeUnit.MINUTES);
        System.out.println("pixeldb: stopped; data kept in " + layout.root());
        return 0;
    }
}
