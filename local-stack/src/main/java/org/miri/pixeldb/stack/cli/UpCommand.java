package org.miri.pixeldb.stack.cli;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.miri.pixeldb.stack.StackConfig;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.stack.StackRunner;
import org.miri.pixeldb.stack.StackState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "up", mixinStandardHelpOptions = true, description = "Starts Kafka, PostgreSQL, S3 and the five services (--exporters N: N exporter instances); Ctrl-C stops them all.")
final class UpCommand implements Callable<Integer> {

    @Mixin
    StackConfig config;

    @Option(names = "--detach", description = "Start in the background and return once everything is healthy.")
    boolean detach;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        config.validate();
        StackLayout layout = config.layout();
        Files.createDirectories(layout.run());
        try (FileChannel channel = FileChannel.open(layout.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return alreadyRunning(layout);
            }
            if (!detach) {
                return StackRunner.runInForeground(config);
            }
        }
        return StackRunner.startDetached(config, layout, foregroundArguments());
    }

    private int alreadyRunning(StackLayout layout) throws Exception {
        String where = StackState.read(layout.state()).map(s -> " (pid " + s.pid() + ", api " + s.api() + ")").orElse("");
        System.err.println("pixeldb is already running from " + layout.root() + where
                + ". See ./pixeldb status, or stop it with ./pixeldb down.");
        return 1;
    }

    /** The same command line without --detach, for the background process. */
    private List<String> foregroundArguments() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        args.remove("--detach");
        return args;
    }
}
