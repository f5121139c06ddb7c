package org.miri.pixeldb.stack.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * async-profiler as the agent of a JVM the stack starts ({@code up --profile DIR}): it samples from the JVM's start and
 * writes one JFR recording, {@code DIR/<process>-<start time>.jfr}, when the JVM exits ({@code ./pixeldb down} ends
 * every process with SIGTERM, and the agent dumps at the JVM's death). JFR rather than a flame graph, because its
 * samples carry times: {@code ./pixeldb flame --from --to} keeps a benchmark's window and drops the start-up.
 *
 * @param event    async-profiler's event: cpu, ctimer, itimer or wall
 * @param interval sampling interval, e.g. 5ms
 */
public record ProfilerAgent(Path library, Path dir, String event, String interval) {

    /** What {@code --profile-event} takes; auto picks cpu or ctimer by {@link #autoEvent}. */
    public static final List<String> EVENTS = List.of("auto", "cpu", "ctimer", "itimer", "wall");

    private static final Path PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");
    private static final Path STATUS = Path.of("/proc/self/status");

    /**
     * Checks the options, resolves {@code auto}, and copies the agent's library into {@code libraryDir}.
     *
     * @param dir where the recordings go; created
     */
    public static ProfilerAgent prepare(Path dir, Path libraryDir, String event, String interval) throws IOException {
        validate(dir, event, interval);
        String chosen = event.equals("auto") ? autoEvent(perfEventParanoid(), perfmonCapable()) : event;
        Files.createDirectories(dir);
        return new ProfilerAgent(AgentLibrary.extract(libraryDir), dir.toAbsolutePath().normalize(), chosen, interval);
    }

    /** Contradictions fail before anything starts; the agent itself would only print to the service's log. */
    public static void validate(Path dir, String event, String interval) {
        // The agent's arguments are comma-separated, and % starts its file-name patterns (%t, %p).
        if (dir.toString().contains(",") || dir.toString().contains("%")) {
            throw new IllegalArgumentException("--profile " + dir + ": the folder's path must not contain ',' or '%'");
        }
        if (!EVENTS.contains(event)) {
            throw new IllegalArgumentException("--profile-event must be one of " + EVENTS + ", not " + event);
        }
        if (!interval.matches("[1-9][0-9]*(ns|us|ms|s)")) {
            throw new IllegalArgumentException("--profile-interval must be a number with ns, us, ms or s, not " + interval);
        }
    }

    /**
     * cpu (perf_events: exact CPU time and kernel frames) where perf_events with kernel samples are permitted, as
     * async-profiler asks for them: perf_event_paranoid at 1 or less, or a process with CAP_PERFMON or CAP_SYS_ADMIN
     * (root, usually), which the setting does not restrict. Otherwise ctimer, a per-thread CPU-time timer: the same
     * Java stacks, no kernel frames. (Where perf_event_open is refused all the same, by a container's seccomp for
     * instance, async-profiler 4.1 falls back from cpu to ctimer by itself; the recording's "engine" setting says so.)
     */
    static String autoEvent(OptionalInt paranoid, boolean perfmonCapable) {
        return perfmonCapable || paranoid.isPresent() && paranoid.getAsInt() <= 1 ? "cpu" : "ctimer";
    }

    /** @param capEff the CapEff line's hex value of /proc/PID/status */
    static boolean perfmonCapable(String capEff) {
        long capabilities = Long.parseUnsignedLong(capEff.trim(), 16);
        return (capabilities & (1L << CAP_SYS_ADMIN | 1L << CAP_PERFMON)) != 0;
    }

    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;

    private static boolean perfmonCapable() {
        try {
            return Files.readAllLines(STATUS).stream().filter(line -> line.startsWith("CapEff:"))
                    .anyMatch(line -> perfmonCapable(line.substring("CapEff:".length())));
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static OptionalInt perfEventParanoid() {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(PARANOID).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The JVM option that profiles the process named {@code process} (a service instance, kafka, s3). */
    public String jvmOption(String process) {
        return "-agentpath:" + library + "=start,event=" + event + ",interval=" + interval + ",jfr,file="
                + dir.resolve(process + "-%t.jfr");
    }

    /** One line for the supervisor's output: what is sampled, and what the event's choice rests on. */
    public String describe() {
        OptionalInt paranoid = perfEventParanoid();
        String facts = (paranoid.isPresent() ? "perf_event_paranoid " + paranoid.getAsInt() : "no perf_event_paranoid")
                + (perfmonCapable() ? ", CAP_PERFMON or CAP_SYS_ADMIN" : ", no CAP_PERFMON or CAP_SYS_ADMIN");
        return "profiling every JVM with async-profiler, event " + event + " (" + facts + "), every " + interval
                + "; each writes " + dir + "/<name>-<time>.jfr when it exits (./pixeldb down); ./pixeldb flame "
                + dir + " makes flame graphs";
    }
}
