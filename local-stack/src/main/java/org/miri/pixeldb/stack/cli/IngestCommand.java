package org.miri.pixeldb.stack.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.stack.StackState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@Command(name = "ingest", description = "Uploads FITS files into the running stack's bucket with a progress bar, waits "
        + "until each is loaded or rejected, and prints one line per file. Exit code 0 when all loaded.")
final class IngestCommand implements Callable<Integer> {

    private static final String FINAL_STATE = "select state, coalesce(reason, ''), coalesce(exposure, ''), "
            + "extract(epoch from (updated_at - received_at)) from ingest_log where object_key = ? "
            + "and state in ('LOADED', 'REJECTED', 'IGNORED', 'FAILED') order by updated_at desc limit 1";

    @Parameters(arity = "1..*", description = "FITS files to ingest.")
    List<Path> files;

    @Option(names = "--prefix", defaultValue = "", description = "Key prefix in the bucket, e.g. jpl8/.")
    String prefix;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for each file; default ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--data-dir", defaultValue = "${env:PIXELDB_DATA_DIR}", description = "The stack's data directory (env PIXELDB_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        StackState state = StackState.read(StackLayout.of(dataDir).state()).filter(StackState::supervisorAlive)
                .orElseThrow(() -> new IllegalStateException("pixeldb is not running; start it with ./pixeldb up --detach"));
        StackState.S3 s3 = state.s3();
        S3Endpoint endpoint = new S3Endpoint(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(), s3.secretKey());
        List<String> keys = new ArrayList<>();
        try (S3Client client = endpoint.client()) {
            for (Path file : files) {
                String key = prefix + file.getFileName();
                long size = Files.size(file);
                try (InputStream in = new ProgressBar(Files.newInputStream(file), key, size, System.out)) {
                    client.putObject(b -> b.bucket(endpoint.bucket()).key(key), RequestBody.fromInputStream(in, size));
                }
                keys.add(key);
            }
        }
        boolean allLoaded = true;
        try (Connection db = DriverManager.getConnection(state.jdbc())) {
            for (String key : keys) {
                allLoaded &= report(db, key);
            }
        }
        return allLoaded ? 0 : 1;
    }

    private boolean report(Connection db, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        try (PreparedStatement query = db.prepareStatement(FINAL_STATE)) {
            query.setString(1, key);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        String outcome = row.getString(1);
                        System.out.printf("%-8s %s  exposure %s  %.1f s  %s%n", outcome, key, row.getString(3),
                                row.getDouble(4), row.getString(2));
                        return "LOADED".equals(outcome);
                    }
                }
                Thread.sleep(250);
            }
        }
        System.out.printf("WAITING  %s  not loaded within %d s; see ./pixeldb status%n", key, timeoutSeconds);
        return false;
    }
}
