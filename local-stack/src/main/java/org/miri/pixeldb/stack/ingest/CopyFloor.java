package org.miri.pixeldb.stack.ingest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The limit an ingest is judged against (issue 18): PostgreSQL's own COPY BINARY of the same number of bytes, as
 * fixed-size bytea rows below the TOAST threshold (so stored in the heap, uncompressed, as the strips are) into a
 * two-column scratch table of the same server, logged like the real tables, committed, then dropped. Nothing
 * above PostgreSQL (no FITS, no Kafka, no encoding) can make a load faster than this.
 */
public final class CopyFloor {

    /** Payload per row: large rows, as the strips' packed samples, yet below the 2 kB TOAST threshold. */
    static final int ROW_BYTES = 1_800;
    private static final int ROWS_PER_MESSAGE = 512;
    /** Distinct messages cycled through (15 MB): made before the clock starts, so only PostgreSQL is timed. */
    private static final int MESSAGES = 16;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final Connection db;

    public CopyFloor(Connection db) {
        this.db = db;
    }

    /** Seconds to COPY {@code bytes} bytes (rounded up to whole rows) and commit them. */
    public double seconds(long bytes) throws SQLException {
        String table = "pixeldb_copy_floor_" + ProcessHandle.current().pid();
        boolean autoCommit = db.getAutoCommit();
        try (Statement statement = db.createStatement()) {
            statement.execute("create table " + table + " (id bigint, payload bytea)");
            db.setAutoCommit(false);
            long rows = (bytes + ROW_BYTES - 1) / ROW_BYTES;
            SplittableRandom random = new SplittableRandom(bytes);
            byte[][] messages = new byte[MESSAGES][];
            for (int i = 0; i < MESSAGES; i++) {
                messages[i] = rows((long) i * ROWS_PER_MESSAGE, ROWS_PER_MESSAGE, random);
            }
            long start = System.nanoTime();
            CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " from stdin (format binary)");
            try {
                copy.writeToCopy(HEADER, 0, HEADER.length);
                long full = rows / ROWS_PER_MESSAGE;
                for (long m = 0; m < full; m++) {
                    byte[] message = messages[(int) (m % MESSAGES)];
                    copy.writeToCopy(message, 0, message.length);
                }
                int rest = (int) (rows % ROWS_PER_MESSAGE);
                // Rows are equal in size: the first `rest` rows of a message are a whole number of rows.
                copy.writeToCopy(messages[0], 0, rest * (messages[0].length / ROWS_PER_MESSAGE));
                byte[] trailer = {(byte) 0xff, (byte) 0xff};
                copy.writeToCopy(trailer, 0, trailer.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            db.commit();
            return (System.nanoTime() - start) / 1e9;
        } finally {
            if (!db.getAutoCommit()) {
                db.rollback();
            }
            db.setAutoCommit(autoCommit);
            try (Statement statement = db.createStatement()) {
                statement.execute("drop table if exists " + table);
            }
        }
    }

    // Random payloads: nothing a layer below could compress. Ids repeat across the cycled messages: the table has no key.
    private static byte[] rows(long firstId, int count, SplittableRandom random) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(count * (ROW_BYTES + 20));
        byte[] payload = new byte[ROW_BYTES];
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            for (int i = 0; i < count; i++) {
                random.nextBytes(payload);
                out.writeShort(2);
                out.writeInt(8);
                out.writeLong(firstId + i);
                out.writeInt(ROW_BYTES);
                out.write(payload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
