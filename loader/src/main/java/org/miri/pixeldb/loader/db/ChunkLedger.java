package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code chunk_ledger} table: which chunks of which product version are in the database. A chunk
 * is claimed in the same transaction that stores its rows, before the rows: a second writer claiming
 * the same chunk waits on the first one's uncommitted ledger row and then finds it taken, so a
 * re-delivered chunk is skipped whether the first delivery committed long ago or a moment ago.
 */
final class ChunkLedger {

    private static final String CLAIM = "insert into chunk_ledger (product_id, chunk_index, ramps)"
            + " select ?, c, r from unnest(?::int[], ?::int[]) as t(c, r)"
            + " on conflict do nothing returning chunk_index";

    /**
     * Claims the given chunk indices of a product; returns those that were not claimed before.
     * {@code ramps[i]} is the number of ramps of chunk {@code chunkIndices[i]}, kept for audits.
     */
    Set<Integer> claim(Connection connection, int productId, Integer[] chunkIndices, Integer[] ramps)
            throws SQLException {
        Set<Integer> claimed = new HashSet<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, productId);
            claim.setArray(2, connection.createArrayOf("int4", chunkIndices));
            claim.setArray(3, connection.createArrayOf("int4", ramps));
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getInt(1));
                }
            }
        }
        return claimed;
    }
}
