package org.miri.pixeldb.api.region;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.SyntheticExposures;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * Issue 13, item 4: a client that reads the headers of a large streamed answer and then stops reading held an open
 * transaction ("idle in transaction") and a pooled connection for as long as it kept its socket; 16 such clients took
 * the pool. Now PostgreSQL ends the transaction after pixeldb.api.idle-in-transaction-timeout and the server closes
 * the silent connection after quarkus.http.idle-timeout, so the client sees a body cut short, never a complete one.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestProfile(StalledReaderTest.ShortTimeouts.class)
class StalledReaderTest {

    static final String NAME = "STALL_SUB256";

    /**
     * Timeouts short enough for a test (the defaults are 30 s and 60 s). The HTTP one is the longer, as by default,
     * so that the transaction is seen to end by PostgreSQL's timeout, not by the closed connection.
     */
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pixeldb.api.idle-in-transaction-timeout", "PT1S", "quarkus.http.idle-timeout", "PT8S");
        }
    }

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @Test
    void aStalledReaderLosesItsTransactionAndItsConnection() throws Exception {
        // 256 x 272 ramps of 30 groups: about 11 MB of JSON, far more than the socket buffers hold.
        SyntheticExposures.write(db, Files.createTempDirectory("stall"),
                new ExposureSpec(NAME, Subarray.SUB256, 1, 30, "MIRIMAGE", 7), false);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port));
            OutputStream request = socket.getOutputStream();
            request.write(("GET /api/v1/exposures/" + NAME + "/ramps?format=json HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(2048);
            assertTrue(new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            // The reader now stalls. Its transaction must first be seen open, then gone within the bound.
            long start = System.nanoTime();
            assertTrue(awaitStreamingTransaction(true, 10_000), "the streamed answer's transaction never showed");
            assertTrue(awaitStreamingTransaction(false, 4_000), "the stalled reader's transaction was still open "
                    + "4 s after it stopped reading");
            System.out.printf("stalled reader: transaction gone %.1f s after the reader stopped%n",
                    (System.nanoTime() - start) / 1e9);
            // Reading again, the client finds the answer cut short: the next fetch failed on the ended session, and
            // the server closed the connection mid-body.
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            in.transferTo(rest);
            String tail = rest.toString(StandardCharsets.US_ASCII);
            assertFalse(tail.endsWith("0\r\n\r\n"), "the chunked body ended as if complete");
        }
        assertEquals(200, given().get("/api/v1/detectors").statusCode(), "the API still answers");
    }

    private boolean awaitStreamingTransaction(boolean open, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        do {
            if (streamingTransactions() > 0 == open) {
                return true;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        return false;
    }

    private int streamingTransactions() throws Exception {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from pg_stat_activity where pid <> pg_backend_pid()"
                     + " and xact_start is not null and query ilike '%raw_ramp_strip%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
