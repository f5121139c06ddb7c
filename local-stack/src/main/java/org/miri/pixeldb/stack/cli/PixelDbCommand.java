package org.miri.pixeldb.stack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./pixeldb}: the one command a user needs to run the MIRI Pixel Database on one machine. */
@Command(name = "pixeldb", mixinStandardHelpOptions = true, version = "pixeldb 0.1.0",
        description = "Runs the MIRI Pixel Database on this machine: Kafka, PostgreSQL, S3 and the five services.",
        subcommands = {UpCommand.class, StatusCommand.class, DownCommand.class, RestartCommand.class, SynthCommand.class, IngestCommand.class, BenchCommand.class, ExportCommand.class,
                ApiBenchCommand.class, FlameCommand.class})
public final class PixelDbCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new PixelDbCommand()).execute(args));
    }
}
