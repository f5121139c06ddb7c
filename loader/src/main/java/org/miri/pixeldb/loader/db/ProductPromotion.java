package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a completely loaded product version the one readers see, in the transaction that stored its last
 * chunk: versions of its object split earlier are deleted (their rows with them) and this one becomes
 * LOADED, so a reader sees the old rows or the new ones, never a mix and never none. A version split
 * before the one of its object already LOADED is stale and deletes itself instead. Split time decides, not
 * arrival: writers may finish versions in any order. When the LOADED version came from another object,
 * only the comparison of their values decides ({@link SecondObjectSettlement}).
 */
final class ProductPromotion {

    // Serialises promotions of one exposure across writer instances. Not FOR UPDATE: both transactions already hold
    // FOR KEY SHARE on the row (their product and ledger rows reference it), which FOR UPDATE waits for, so two writers
    // promoting products of one exposure deadlocked, each cost a second (deadlock_timeout) and a retry (2026-12-06).
    private static final String LOCK = "select 1 from exposure where id = (select exposure_id from product where id = ?)"
            + " for no key update";
    private static final String SAME_KIND = "o.exposure_id = p.exposure_id and o.kind = p.kind and o.id <> p.id";
    private static final String SAME_OBJECT = " and (o.source_bucket, o.source_key) = (p.source_bucket, p.source_key)";
    private static final String LOADED_ELSEWHERE = "select o.id, o.source_bucket || '/' || o.source_key from product o"
            + " join product p on p.id = ? and " + SAME_KIND + " where o.state = 'LOADED'"
            + " and (o.source_bucket, o.source_key) <> (p.source_bucket, p.source_key)";
    private static final String NEWER_LOADED = "select count(*) from product o join product p on p.id = ? and "
            + SAME_KIND + " where o.state = 'LOADED'" + SAME_OBJECT + " and (o.split_at, o.id) > (p.split_at, p.id)";
    private static final String REMOVE_OLDER = "delete from product o using product p where p.id = ? and " + SAME_KIND
            + SAME_OBJECT + " and (o.split_at, o.id) < (p.split_at, p.id) returning o.checksum";
    private static final String PROMOTE = "update product set state = 'LOADED', loaded_at = now() where id = ?";

    private final ProductTable products = new ProductTable();
    private final SecondObjectSettlement secondObject;

    /** @param tables every table a version of the product kind stores values in */
    ProductPromotion(List<StripTable> tables) {
        this.secondObject = new SecondObjectSettlement(tables);
    }

    CompletedProduct promote(Connection connection, ProductVersion version) throws SQLException {
        execute(connection, LOCK, version.id());
        try (ResultSet elsewhere = query(connection, LOADED_ELSEWHERE, version.id())) {
            if (elsewhere.next()) {
                return secondObject.settle(connection, version, elsewhere.getInt(1), elsewhere.getString(2));
            }
        }
        try (ResultSet newer = query(connection, NEWER_LOADED, version.id())) {
            if (newer.next() && newer.getLong(1) > 0) {
                products.delete(connection, version.id());
                return CompletedProduct.settled(version, CompletedProduct.Outcome.STALE, null);
            }
        }
        List<String> removed = new ArrayList<>();
        try (ResultSet older = query(connection, REMOVE_OLDER, version.id())) {
            while (older.next()) {
                removed.add(older.getString(1));
            }
        }
        execute(connection, PROMOTE, version.id());
        return CompletedProduct.promoted(version, removed);
    }

    /** Closing the result set closes its statement (closeOnCompletion). */
    private static ResultSet query(Connection connection, String sql, int productId) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.closeOnCompletion();
            statement.setInt(1, productId);
            return statement.executeQuery();
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static void execute(Connection connection, String sql, int productId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, productId);
            statement.execute();
        }
    }
}
