package org.miri.pixeldb.stack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import one.convert.Arguments;
import one.convert.JfrToFlame;
import one.jfr.JfrReader;
import org.miri.pixeldb.stack.profile.CollapsedStacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "flame", mixinStandardHelpOptions = true, description = "Turns the recordings of up --profile DIR "
        + "(DIR/*.jfr, written when the stack stops) into flame graphs (NAME.html) and collapsed stacks (NAME.collapsed) "
        + "beside them, optionally of the samples between --from and --to only, and prints each one's costliest frames "
        + "by self and by total time.")
final class FlameCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The folder given to up --profile.")
    Path dir;

    @Option(names = "--from", paramLabel = "TIME", description = "Only samples from then on: milliseconds since the "
            + "epoch (date +%%s%%3N), or local time yyyy-MM-ddTHH:mm:ss or HH:mm:ss (jfr-converter's forms).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only samples until then; the same forms as --from.")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where the flame graphs and collapsed stacks "
            + "go, e.g. one folder per benchmark window; default DIR.")
    Path output;

    @Option(names = "--top", defaultValue = "10", description = "Frames printed per list; default ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--total-of", paramLabel = "REGEX", defaultValue = "org/miri/", description = "A third list: the "
            + "costliest in total among the frames matching this; default ${DEFAULT-VALUE} (our own code).")
    Pattern ours;

    @Override
    public Integer call() throws Exception {
        List<Path> recordings;
        try (Stream<Path> files = Files.list(dir)) {
            recordings = files.filter(f -> f.getFileName().toString().endsWith(".jfr")).sorted().toList();
        }
        if (recordings.isEmpty()) {
            System.err.println("pixeldb: no .jfr in " + dir + "; they are written when the stack stops (./pixeldb down)");
            return 1;
        }
        Path out = Files.createDirectories(output == null ? dir : output);
        for (Path recording : recordings) {
            String base = out.resolve(recording.getFileName().toString().replaceFirst("\\.jfr$", "")).toString();
            convert(recording, base + ".html");
            convert(recording, base + ".collapsed");
            System.out.printf("%n%s (%s)", recording.getFileName(), settings(recording));
            print(CollapsedStacks.read(Path.of(base + ".collapsed")));
        }
        return 0;
    }

    private void convert(Path recording, String output) throws IOException {
        List<String> args = new ArrayList<>(List.of("-o", output.substring(output.lastIndexOf('.') + 1)));
        if (from != null) {
            args.addAll(List.of("--from", from));
        }
        if (to != null) {
            args.addAll(List.of("--to", to));
        }
        args.addAll(List.of("--title", recording.getFileName().toString()));
        JfrToFlame.convert(recording.toString(), output, new Arguments(args.toArray(String[]::new)));
    }

    /** What the agent recorded with: event, interval and the engine it used (perf_events, or ctimer as a fallback). */
    private static String settings(Path recording) throws IOException {
        try (JfrReader jfr = new JfrReader(recording.toString())) {
            while (jfr.readEvent() != null) {
                // The settings are events too: read them all.
            }
            return Stream.of("event", "engine", "interval").map(k -> k + " " + jfr.settings.getOrDefault(k, "?"))
                    .collect(Collectors.joining(", "));
        }
    }

    private void print(CollapsedStacks stacks) {
        System.out.printf(": %,d samples%n", stacks.samples());
        print("self", stacks.topSelf(top));
        print("total", stacks.topTotal(top));
        print("total, " + ours.pattern(), stacks.topTotal(top, ours));
    }

    private static void print(String title, List<CollapsedStacks.Cost> costs) {
        System.out.println("  by " + title + ":");
        costs.forEach(c -> System.out.printf("    %5.1f %%  %7d  %s%n", c.percent(), c.samples(), c.frame()));
    }
}
