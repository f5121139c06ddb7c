package org.miri.pixeldb.stack.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.export.ExportApi;
import org.miri.pixeldb.stack.export.ExportApiException;
import org.miri.pixeldb.stack.export.ExportJob;
import org.miri.pixeldb.stack.export.ExportRequest;
import org.miri.pixeldb.stack.ingest.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Exports exposures as Parquet files through "
        + "the query API (POST /api/v1/exports): waits for the job with a progress bar (parts done of parts, rows "
        + "done), downloads every file into a folder (each written under a temporary name, then renamed) and prints "
        + "one summary line: files, rows, bytes, seconds from the request to DONE, seconds to download, bytes against "
        + "the priced bytes. Ctrl-C while waiting cancels the job (DELETE) and exits 130.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:DONE, every file downloaded", "1:the job FAILED (its reason is printed)",
                "2:the job was CANCELLED (and, as for every command, bad options)",
                "3:no --api given and no stack running", "4:the API answered an error (its message is printed) or "
                + "did not answer", "130:Ctrl-C (the job is cancelled when it was still running)"})
final class ExportCommand implements Callable<Integer> {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int CANCELLED = 2;
    static final int NOT_RUNNING = 3;
    static final int API_ERROR = 4;
    /** Consecutive failed reads of the job (the API restarting) tolerated while waiting, 500 ms apart. */
    private static final int UNANSWERED_POLLS = 20;

    @Option(names = "--exposure", paramLabel = "NAME", description = "An exposure to export, by name; repeatable. "
            + "Or choose the exposures by the filters below, not both.")
    List<String> exposures = new ArrayList<>();

    @Option(names = "--detector", description = "Filter: detector, by name or SCA_ID.")
    String detector;

    @Option(names = "--subarray", description = "Filter: subarray, e.g. SUB64.")
    String subarray;

    @Option(names = "--readpatt", description = "Filter: readout pattern, e.g. FASTR1.")
    String readpatt;

    @Option(names = "--exp-type", description = "Filter: EXP_TYPE, e.g. MIR_IMAGE.")
    String expType;

    @Option(names = "--origin", description = "Filter: FLIGHT, JPL or OTIS.")
    String origin;

    @Option(names = "--from", description = "Filter: DATE-OBS from (ISO date or date-time, UTC).")
    String from;

    @Option(names = "--to", description = "Filter: DATE-OBS to (ISO date or date-time, UTC).")
    String to;

    @Option(names = "--loaded", split = ",", paramLabel = "PRODUCT", description = "Filter: products the exposures "
            + "must all have loaded, comma-separated: RAW, RAMP, RATEINTS, RATE, QUICKLOOK.")
    List<String> loaded = new ArrayList<>();

    @Option(names = "--products", split = ",", paramLabel = "PRODUCT", required = true, description = "What to export, "
            + "comma-separated: RAW, REFOUT, RAMP, RATEINTS, RATE, QUICKLOOK (required).")
    List<String> products = new ArrayList<>();

    @Option(names = "--rows", paramLabel = "a:b", description = "Rows a to b (inclusive); default all.")
    String rows;

    @Option(names = "--cols", paramLabel = "a:b", description = "Columns a to b (inclusive); default all.")
    String cols;

    @Option(names = "--integration", paramLabel = "n|a:b", description = "Integration n, or a to b; default all.")
    String integration;

    @Option(names = "--flag", split = ",", paramLabel = "FLAG", description = "Keep integrations carrying any of these "
            + "DQ flags, comma-separated, e.g. JUMP_DET,SATURATED.")
    List<String> flag = new ArrayList<>();

    @Option(names = "--noflag", split = ",", paramLabel = "FLAG", description = "Keep integrations carrying none of "
            + "these DQ flags, comma-separated.")
    List<String> noflag = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder for the files (made when missing); "
            + "default export-<id> in the current folder.")
    Path output;

    @Option(names = "--token", defaultValue = "${env:PIXELDB_API_TOKEN}", description = "Bearer token, admin or export "
            + "role (env PIXELDB_API_TOKEN); default the running stack's admin token, sent only to the stack's own API.")
    String token;

    @Option(names = "--api", paramLabel = "URL", description = "The query API's base URL; default the running stack's "
            + "(./pixeldb status), e.g. http://127.0.0.1:18080.")
    String api;

    @Mixin
    StackDirectory stack;

    @Spec
    CommandSpec spec;

    PrintStream out = System.out;
    PrintStream err = System.err;
    Duration pollEvery = Duration.ofMillis(500);
    boolean terminal = ProgressBar.stdoutIsTerminal();

    /** The options as the request they make; not yet checked. */
    ExportRequest request() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("detector", detector);
        filters.put("subarray", subarray);
        filters.put("readpatt", readpatt);
        filters.put("expType", expType);
        filters.put("origin", origin);
        filters.put("from", from);
        filters.put("to", to);
        return new ExportRequest(exposures, filters, loaded, products, rows, cols, integration, flag, noflag);
    }

    @Override
    public Integer call() throws Exception {
        ExportRequest request;
        try {
            request = request().validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<StackState> stackState = stack.runningState();
        String apiUrl = api != null ? api : stackState.map(StackState::api).orElse(null);
        if (apiUrl == null) {
            err.println("pixeldb export: pixeldb is not running (data " + stack.layout().root() + "); start it with "
                    + "./pixeldb up --detach, or give --api URL");
            return NOT_RUNNING;
        }
        ExportApi client;
        try {
            client = new ExportApi(apiUrl, bearer(stackState));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return run(client, request);
    }

    /**
     * The token: --token, else PIXELDB_API_TOKEN (the option's default), else the running stack's admin token, but only
     * when the API is the stack's own: it must never travel to another server.
     */
    String bearer(Optional<StackState> stackState) {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        return stackState.filter(state -> api == null || sameApi(api, state.api())).map(StackState::adminToken).orElse(null);
    }

    static boolean sameApi(String a, String b) {
        return b != null && a.replaceAll("/+$", "").equalsIgnoreCase(b.replaceAll("/+$", ""));
    }

    int run(ExportApi client, ExportRequest request) throws InterruptedException {
        long posted = System.nanoTime();
        ExportJob job;
        try {
            job = client.create(request.toJson().toString());
        } catch (ExportApiException e) {
            err.println("pixeldb export: " + e.getMessage());
            return API_ERROR;
        }
        out.printf(Locale.ROOT, "export %s %s: %d exposures, %s, %d parts, %d rows, %s priced%n", job.id(), job.state(),
                job.exposures(), String.join(",", job.products()), job.parts(), job.pricedRows(), megabytes(job.pricedBytes()));
        AtomicReference<String> waitingFor = new AtomicReference<>(job.id());
        AtomicReference<Path> partial = new AtomicReference<>();
        Thread onCtrlC = new Thread(() -> interrupted(client, waitingFor, partial), "pixeldb-export-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            try {
                job = await(client, job);
            } catch (ExportApiException e) {
                err.println("pixeldb export: " + e.getMessage() + " (export " + waitingFor.get() + " keeps going; "
                        + "DELETE /api/v1/exports/" + waitingFor.get() + " cancels it)");
                return API_ERROR;
            } finally {
                waitingFor.set(null);
            }
            double waited = (System.nanoTime() - posted) / 1e9;
            switch (job.state()) {
                case FAILED:
                    err.println("export " + job.id() + " FAILED: " + (job.reason() == null ? "no reason given" : job.reason()));
                    return FAILED;
                case CANCELLED:
                    err.println("export " + job.id() + " CANCELLED" + (job.reason() == null ? "" : ": " + job.reason()));
                    return CANCELLED;
                default:
                    return download(client, job, waited, partial);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C came: the hook runs
            }
        }
    }

    /** Polls the job until it is DONE, FAILED or CANCELLED, drawing its progress. */
    private ExportJob await(ExportApi client, ExportJob job) throws ExportApiException, InterruptedException {
        ProgressBar bar = null;
        int barParts = -1;
        int unanswered = 0;
        while (true) {
            if (bar == null || job.parts() != barParts) {
                if (bar != null) {
                    bar.end();
                }
                barParts = job.parts();
                bar = ProgressBar.counter("export", Math.max(1, barParts), out, terminal);
            }
            bar.show(job.partsDone(), job.progress());
            if (job.state().finished()) {
                bar.end();
                return job;
            }
            Thread.sleep(pollEvery.toMillis());
            try {
                job = client.get(job.id());
                unanswered = 0;
            } catch (ExportApiException e) {
                // The API restarting (no answer, 502-504) is waited out for a while; any other error ends the wait.
                boolean transient_ = e.status() == 0 || e.status() == 502 || e.status() == 503 || e.status() == 504;
                if (!transient_ || ++unanswered >= UNANSWERED_POLLS) {
                    bar.end();
                    throw e;
                }
            }
        }
    }

    private int download(ExportApi client, ExportJob job, double waited, AtomicReference<Path> partial)
            throws InterruptedException {
        Path folder = output != null ? output : Path.of("export-" + job.id());
        long started = System.nanoTime();
        long bytes = 0;
        try {
            Files.createDirectories(folder);
            for (ExportJob.ExportFile file : job.files()) {
                long written = client.download(file, folder, partial::set);
                if (file.bytes() > 0 && written != file.bytes()) {
                    err.printf("pixeldb export: warning: %s has %d bytes, the job lists %d%n", file.name(), written, file.bytes());
                }
                bytes += written;
            }
        } catch (ExportApiException e) {
            err.println("pixeldb export: " + e.getMessage());
            return API_ERROR;
        } catch (IOException | IllegalArgumentException e) {
            err.println("pixeldb export: downloading into " + folder + " failed: " + e.getMessage());
            return API_ERROR;
        }
        double downloading = (System.nanoTime() - started) / 1e9;
        out.println(summary(job, folder, bytes, waited, downloading));
        return DONE;
    }

    /** The one line a finished export prints. */
    static String summary(ExportJob job, Path folder, long bytes, double waitedSeconds, double downloadSeconds) {
        String ratio = job.pricedBytes() > 0
                ? String.format(Locale.ROOT, "%.2f x the priced %s", (double) bytes / job.pricedBytes(), megabytes(job.pricedBytes()))
                : "nothing priced";
        return String.format(Locale.ROOT, "export %s DONE: %d files, %d rows, %s (%d bytes) in %s; %.1f s from POST to "
                        + "DONE, %.1f s to download; %s", job.id(), job.files().size(), job.fileRows(), megabytes(bytes),
                bytes, folder, waitedSeconds, downloadSeconds, ratio);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Ctrl-C (or SIGTERM): a job still waited for is cancelled; a file half written is removed. */
    private void interrupted(ExportApi client, AtomicReference<String> waitingFor, AtomicReference<Path> partial) {
        String id = waitingFor.getAndSet(null);
        if (id != null) {
            try {
                Optional<ExportJob> cancelled = client.delete(id);
                err.println("\npixeldb export: interrupted; export " + id + " "
                        + cancelled.map(j -> j.state().toString()).orElse("removed"));
            } catch (ExportApiException | InterruptedException | RuntimeException e) {
                err.println("\npixeldb export: interrupted; cancelling export " + id + " failed: " + e.getMessage());
            }
        }
        Path file = partial.getAndSet(null);
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                err.println("pixeldb export: could not remove " + file + ": " + e.getMessage());
            }
        }
    }
}
