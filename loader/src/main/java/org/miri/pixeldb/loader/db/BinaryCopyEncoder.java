package org.miri.pixeldb.loader.db;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to a {@code COPY ... FROM STDIN (FORMAT binary)} in PostgreSQL's binary COPY format:
 * the 11-byte signature, flags and header-extension length, then per row a 16-bit field count and
 * per field a 32-bit length and the field's binary representation (all big-endian), and a -1 field
 * count as trailer. Hand-written rather than a library: it is this short, and it lets ramp samples go
 * from the Kafka record's byte array to the wire without an intermediate copy per value.
 */
public final class BinaryCopyEncoder {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int BUFFER_BYTES = 1 << 18;

    private final CopyIn copy;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

    private BinaryCopyEncoder(CopyIn copy) {
        this.copy = copy;
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    /** Starts {@code copySql} (a {@code COPY ... FROM STDIN (FORMAT binary)}) on the caller's connection and transaction. */
    public static BinaryCopyEncoder start(Connection connection, String copySql) throws SQLException {
        return new BinaryCopyEncoder(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    public BinaryCopyEncoder row(int fieldCount) throws SQLException {
        room(2).putShort((short) fieldCount);
        return this;
    }

    public BinaryCopyEncoder int2(int value) throws SQLException {
        room(6).putInt(2).putShort((short) value);
        return this;
    }

    public BinaryCopyEncoder int4(int value) throws SQLException {
        room(8).putInt(4).putInt(value);
        return this;
    }

    /** A field whose binary representation is these bytes: a {@code bytea}'s content, or a pre-encoded value. */
    public BinaryCopyEncoder bytes(byte[] source, int offset, int length) throws SQLException {
        room(4).putInt(length);
        if (length > buffer.remaining()) {
            flush();
            copy.writeToCopy(source, offset, length);
        } else {
            buffer.put(source, offset, length);
        }
        return this;
    }

    /** A SQL null field. */
    public BinaryCopyEncoder nullField() throws SQLException {
        room(4).putInt(-1);
        return this;
    }

    /** Writes the trailer and ends the COPY; returns the number of rows the server took. */
    public long finish() throws SQLException {
        room(2).putShort((short) -1);
        flush();
        return copy.endCopy();
    }

    /** Abandons the COPY after a failure, so that the connection can report it and roll back. */
    public void cancel() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private ByteBuffer room(int bytes) throws SQLException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
