package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a completely loaded product version the one readers see, in the transaction that stored its last
 * chunk: versions of the same kind split earlier are deleted (their rows with them) and this one becomes
 * LOADED, so a reader sees the old rows or the new ones, never a mix and never none. A version split
 * before the one already LOADED is stale and deletes itself instead. Split time decides, not arrival:
 * writers may finish versions in any order.
 */
final class ProductPromotion {

    // Serialises promotions of one exposure across writer instances.
    private static final String LOCK = "select 1 from exposure where id = (select exposure_id from product where id = ?)"
            + " for update";
    private static final String NEWER_LOADED = "select count(*) from product o join product p on p.id = ?"
            + " where o.exposure_id = p.exposure_id and o.kind = p.kind and o.state = 'LOADED' and o.id <> p.id"
            + " and (o.split_at, o.id) > (p.split_at, p.id)";
    private static final String REMOVE_OLDER = "delete from product o using product p where p.id = ?"
            + " and o.exposure_id = p.exposure_id and o.kind = p.kind and o.id <> p.id"
            + " and (o.split_at, o.id) < (p.split_at, p.id) returning o.checksum";
    private static final String PROMOTE = "update product set state = 'LOADED', loaded_at = now() where id = ?";
    private static final String REMOVE = "delete from product where id = ?";

    CompletedProduct promote(Connection connection, ProductVersion version) throws SQLException {
        execute(connection, LOCK, version.id());
        try (PreparedStatement newer = connection.prepareStatement(NEWER_LOADED)) {
            newer.setInt(1, version.id());
            try (ResultSet rs = newer.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    execute(connection, REMOVE, version.id());
                    return new CompletedProduct(version.exposure(), version.kind(), version.checksum(), false, List.of());
                }
            }
        }
        List<String> removed = new ArrayList<>();
        try (PreparedStatement older = connection.prepareStatement(REMOVE_OLDER)) {
            older.setInt(1, version.id());
            try (ResultSet rs = older.executeQuery()) {
                while (rs.next()) {
                    removed.add(rs.getString(1));
                }
            }
        }
        execute(connection, PROMOTE, version.id());
        return new CompletedProduct(version.exposure(), version.kind(), version.checksum(), true, removed);
    }

    private static void execute(Connection connection, String sql, int productId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, productId);
            statement.execute();
        }
    }
}
