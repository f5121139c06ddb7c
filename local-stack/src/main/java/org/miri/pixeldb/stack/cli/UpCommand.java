package org.miri.pixeldb.stack.cli;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
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
        config.resolveProfileDir();
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
        return StackRunner.startDetached(config, layout,
                foregroundArguments(spec.commandLine().getParseResult().originalArgs(), config.profileDir()));
    }

    private int alreadyRunning(StackLayout layout) throws Exception {
        String where = StackState.read(layout.state()).map(s -> " (pid " + s.pid() + ", api " + s.api() + ")").orElse("");
        System.err.println("pixeldb is already running from " + layout.root() + where
                + ". See ./pixeldb status, or stop it with ./pixeldb down.");
        return 1;
    }

    /**
     * The same command line without --detach, for the background process; --profile's folder made absolute, since that
     * process runs in the project's root.
     */
    static List<String> foregroundArguments(List<String> original, Path profileDir) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            if (arg.equals("--profile")) {
                i++;
            } else if (!arg.equals("--detach") && !arg.startsWith("--profile=")) {
                args.add(arg);
            }
        }
        if (profileDir != null) {
            args.add("--profile=" + profileDir);
        }
        return args;
    }
}
