package org.miri.pixeldb.loader.db;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.model.DqFlags;
import org.miri.pixeldb.schemas.CorrectedRampChunk;

/**
 * Table {@code jump_count_block} (migration V15): per pixel of a corrected science chunk, how many of its groups have
 * JUMP_DET, counted from the GROUPDQ the writer holds anyway, so that the detector-health evaluation reads a few hundred
 * small rows instead of every GROUPDQ strip of the product (decision 0017). One row per chunk: a batched insert.
 */
final class JumpCountTable {

    private static final String INSERT = "insert into jump_count_block (product_id, integration, first_row, nrows,"
            + " first_col, ncols, jumps) values (?, ?, ?, ?, ?, ?, ?)";

    private JumpCountTable() {
    }

    static void insert(Connection connection, int productId, List<CorrectedRampChunk> science) throws SQLException {
        if (science.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (CorrectedRampChunk chunk : science) {
                insert.setInt(1, productId);
                insert.setInt(2, chunk.getIntegration());
                insert.setInt(3, chunk.getFirstRow());
                insert.setInt(4, chunk.getRows());
                insert.setInt(5, chunk.getFirstCol());
                insert.setInt(6, chunk.getCols());
                insert.setBytes(7, counts(chunk.getGroupdq(), chunk.getNgroups(), chunk.getRows() * chunk.getCols()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Big-endian uint16 per pixel; the chunk's GROUPDQ holds each pixel's groups together (as its strips do). A count
     * above 65,535 cannot happen (NGROUPS is checked against the exposure) and is capped.
     */
    static byte[] counts(ByteBuffer groupdq, int ngroups, int pixels) {
        ByteBuffer values = groupdq.duplicate();
        ByteBuffer counts = ByteBuffer.allocate(2 * pixels);
        int base = values.position();
        for (int p = 0; p < pixels; p++) {
            int jumps = 0;
            for (int g = 0, at = base + p * ngroups; g < ngroups; g++, at++) {
                if ((values.get(at) & DqFlags.JUMP_DET) != 0) {
                    jumps++;
                }
            }
            counts.putShort((short) Math.min(jumps, 0xFFFF));
        }
        return counts.array();
    }
}
