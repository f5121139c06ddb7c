package org.miri.pixeldb.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.stack.StackState;
import picocli.CommandLine;

/**
 * {@code ./pixeldb export}: the options as the request they make, and the whole command against an in-process stand-in
 * of the API's export endpoints (the JDK's own HTTP server), answering as the contract says.
 */
class ExportCommandTest {

    private static final String ID = "5f0c2a3e-1111-4222-8333-944455556666";
    private static final byte[] FILE_A = "PAR1 a file of the first part PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FILE_B = "PAR1 the second PAR1".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    HttpServer server;
    /** The job states GET answers, one per poll; the last repeats. */
    final Queue<String> polls = new ConcurrentLinkedQueue<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    volatile String posted;
    volatile int postStatus = 202;
    volatile String postAnswer;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/exports", this::handle);
        server.start();
        postAnswer = job("QUEUED", 0, "[]");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String job(String state, int partsDone, String files) {
        return "{\"id\":\"" + ID + "\",\"state\":\"" + state + "\",\"reason\":" + (state.equals("FAILED")
                ? "\"exporter lost the bucket\"" : "null") + ",\"createdAt\":\"2026-12-04T18:00:00Z\",\"finishedAt\":null,"
                + "\"exposures\":1,\"products\":[\"RAW\"],\"parts\":2,\"partsDone\":" + partsDone + ",\"pricedRows\":1000,"
                + "\"pricedBytes\":" + (FILE_A.length + FILE_B.length) + ",\"rowsDone\":" + partsDone * 500
                + ",\"bytesDone\":0,\"files\":" + files + "}";
    }

    private static String files() {
        return "[{\"name\":\"E_RAW_r0001-0064.parquet\",\"exposure\":\"E\",\"product\":\"RAW\",\"rows\":600,\"bytes\":"
                + FILE_A.length + ",\"url\":\"/api/v1/exports/" + ID + "/files/E_RAW_r0001-0064.parquet\"},"
                + "{\"name\":\"E_RAW_r0065-0128.parquet\",\"exposure\":\"E\",\"product\":\"RAW\",\"rows\":400,\"bytes\":"
                + FILE_B.length + ",\"url\":\"/api/v1/exports/" + ID + "/files/E_RAW_r0065-0128.parquet\"}]";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        if (!"Bearer tok".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"a bearer token is needed\"}");
        } else if (method.equals("POST") && path.equals("/api/v1/exports")) {
            posted = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", "/api/v1/exports/" + ID);
            answer(exchange, postStatus, postAnswer);
        } else if (method.equals("GET") && path.equals("/api/v1/exports/" + ID)) {
            answer(exchange, 200, polls.size() > 1 ? polls.poll() : polls.peek());
        } else if (method.equals("GET") && path.endsWith(".parquet")) {
            byte[] body = path.endsWith("0064.parquet") ? FILE_A : FILE_B;
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.apache.parquet");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        } else if (method.equals("DELETE")) {
            answer(exchange, 200, job("CANCELLED", 0, "[]"));
        } else {
            answer(exchange, 404, "{\"status\":404,\"error\":\"Not Found\",\"message\":\"no " + path + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run export(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExportCommand command = new ExportCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        command.pollEvery = Duration.ofMillis(5);
        command.terminal = false;
        StringWriter usage = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("no-stack").toString(),
                "--api", "http://127.0.0.1:" + server.getAddress().getPort()));
        if (!List.of(options).contains("--token")) {
            args.addAll(List.of("--token", "tok"));
        }
        args.addAll(List.of(options));
        int exit = new CommandLine(command).setErr(new PrintWriter(usage, true)).execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + usage);
    }

    @Test
    void theOptionsMakeTheRequest() {
        ExportCommand command = CommandLine.populateCommand(new ExportCommand(), "--detector", "MIRIMAGE",
                "--exp-type", "MIR_IMAGE", "--from", "2026-01-01", "--loaded", "RAW,RATEINTS", "--products",
                "RAW,RATEINTS", "--rows", "1:64", "--integration", "2", "--flag", "JUMP_DET,SATURATED", "--noflag",
                "DO_NOT_USE");
        assertEquals("{\"detector\":\"MIRIMAGE\",\"expType\":\"MIR_IMAGE\",\"from\":\"2026-01-01\",\"loaded\":[\"RAW\","
                + "\"RATEINTS\"],\"products\":[\"RAW\",\"RATEINTS\"],\"rows\":\"1:64\",\"integration\":\"2\",\"flag\":"
                + "\"JUMP_DET,SATURATED\",\"noflag\":\"DO_NOT_USE\",\"format\":\"parquet\"}",
                command.request().validate().toJson().toString());
        command = CommandLine.populateCommand(new ExportCommand(), "--exposure", "A", "--exposure", "B", "--products", "RAMP");
        assertEquals("{\"exposures\":[\"A\",\"B\"],\"products\":[\"RAMP\"],\"format\":\"parquet\"}",
                command.request().validate().toJson().toString());
    }

    @Test
    void anExposureTogetherWithFiltersIsRefusedBeforeAnythingIsSent() {
        Run run = export("--exposure", "A", "--subarray", "SUB64", "--products", "RAW");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--exposure") && run.err().contains("--subarray") && run.err().contains("not both"),
                run.err());
        assertTrue(requests.isEmpty(), requests.toString());
        assertEquals(2, export("--exposure", "A").exitCode(), "--products is required");
    }

    @Test
    void doneDownloadsEveryFileWholeAndPrintsOneSummaryLine() throws Exception {
        polls.add(job("RUNNING", 1, "[]"));
        polls.add(job("DONE", 2, files()));
        Path out = dir.resolve("out");
        Run run = export("--exposure", "E", "--products", "raw", "--rows", "1:128", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("{\"exposures\":[\"E\"],\"products\":[\"RAW\"],\"rows\":\"1:128\",\"format\":\"parquet\"}", posted);
        assertEquals(List.of(FILE_A.length, FILE_B.length), List.of(
                Files.readAllBytes(out.resolve("E_RAW_r0001-0064.parquet")).length,
                Files.readAllBytes(out.resolve("E_RAW_r0065-0128.parquet")).length));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(2, left.count(), "no temporary file is left");
        }
        String summary = run.out().lines().filter(l -> l.contains("DONE:")).findFirst().orElseThrow();
        assertTrue(summary.contains("2 files, 1000 rows") && summary.contains("(" + (FILE_A.length + FILE_B.length)
                + " bytes)") && summary.contains("s from POST to DONE") && summary.contains("1.00 x the priced"), summary);
        // Not a terminal: the first line and the last (then one every 5 s), not every poll.
        assertTrue(run.out().contains("export: 0 of 2 (0%), QUEUED 0/2 parts, 0/1000 rows"), run.out());
        assertTrue(run.out().contains("export: 2 of 2 (100%), DONE 2/2 parts, 1000/1000 rows"), run.out());
        assertTrue(requests.stream().allMatch(r -> r.endsWith("Bearer tok")), requests.toString());
        assertTrue(requests.stream().noneMatch(r -> r.startsWith("DELETE")), "a finished export is not cancelled");
    }

    @Test
    void failedExitsOneWithTheReasonAndCancelledTwo() {
        polls.add(job("FAILED", 1, "[]"));
        Run failed = export("--exposure", "E", "--products", "RAW");
        assertEquals(1, failed.exitCode());
        assertTrue(failed.err().contains("FAILED: exporter lost the bucket"), failed.err());
        polls.clear();
        polls.add(job("CANCELLED", 0, "[]"));
        assertEquals(2, export("--exposure", "E", "--products", "RAW").exitCode());
    }

    @Test
    void anApiErrorExitsFourWithItsMessage() {
        postStatus = 413;
        postAnswer = "{\"status\":413,\"error\":\"Payload Too Large\",\"parameter\":\"products\",\"message\":\"3.2 GB "
                + "priced, above the limit of 2 GB\"}";
        Run run = export("--loaded", "RAW", "--products", "RAW");
        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.err().contains("HTTP 413 Payload Too Large, parameter products: 3.2 GB priced"), run.err());
        Run noToken = export("--exposure", "E", "--products", "RAW", "--token", "wrong");
        assertEquals(4, noToken.exitCode(), noToken.err());
        assertTrue(noToken.err().contains("a bearer token is needed"), noToken.err());
    }

    @Test
    void theStacksAdminTokenGoesOnlyToTheStacksOwnApi() {
        StackState stack = new StackState(1, "now", "/var", "http://127.0.0.1:18080", "admin", "k", "j", "p", null,
                java.util.Map.of(), java.util.Map.of());
        ExportCommand command = CommandLine.populateCommand(new ExportCommand(), "--products", "RAW");
        assertEquals("admin", command.bearer(Optional.of(stack)));
        command = CommandLine.populateCommand(new ExportCommand(), "--products", "RAW", "--api", "http://127.0.0.1:18080/");
        assertEquals("admin", command.bearer(Optional.of(stack)));
        command = CommandLine.populateCommand(new ExportCommand(), "--products", "RAW", "--api", "https://pixeldb.example.org");
        assertNull(command.bearer(Optional.of(stack)));
        command = CommandLine.populateCommand(new ExportCommand(), "--products", "RAW", "--token", "mine");
        assertEquals("mine", command.bearer(Optional.of(stack)));
        assertFalse(ExportCommand.sameApi("http://a:1", "http://a:2"));
    }
}
