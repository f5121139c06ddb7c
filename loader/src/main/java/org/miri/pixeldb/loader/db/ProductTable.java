package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.HeaderCard;

/** The {@code product} table: one row per loaded version of one product of an exposure, and its load progress. */
final class ProductTable {

    // The header becomes a JSON array in the database, so that no JSON escaping is needed here.
    private static final String INSERT = "insert into product (exposure_id, kind, checksum, source_bucket, source_key,"
            + " source_etag, source_size, source_last_modified, split_at, header) select ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " coalesce((select jsonb_agg(jsonb_build_object('keyword', k, 'value', v, 'comment', c) order by n)"
            + " from unnest(?::text[], ?::text[], ?::text[]) with ordinality as h(k, v, c, n)), '[]')"
            + " on conflict do nothing";
    private static final String VERSION = "select checksum from product where exposure_id = ? and kind = ?";
    private static final String FIND = "select p.id, e.sca_id, e.substrt1, e.substrt2, e.subsize1, e.subsize2,"
            + " e.nints, e.ngroups, p.chunk_count from product p join exposure e on e.id = p.exposure_id"
            + " where e.name = ? and p.kind = ? and p.checksum = ?";
    // The row lock this takes orders concurrent writers of one product, so exactly one of them sees it complete.
    private static final String PROGRESS = "update product set chunk_count = ?, chunks_loaded = chunks_loaded + ?,"
            + " state = case when chunks_loaded + ? = ? then 'LOADED' else state end,"
            + " loaded_at = case when chunks_loaded + ? = ? then now() else loaded_at end"
            + " where id = ? and (chunk_count is null or chunk_count = ?) returning state";

    void register(Connection connection, int exposureId, Exposure e) throws SQLException, LoadException {
        List<HeaderCard> header = e.getHeader();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Object[] values = {exposureId, e.getProduct().name(), e.getProductChecksum(), e.getSource().getBucket(),
                e.getSource().getKey(), e.getSource().getEtag(), e.getSource().getSize(),
                e.getSource().getLastModified() == null ? null : e.getSource().getLastModified().atOffset(ZoneOffset.UTC),
                e.getSplitAt().atOffset(ZoneOffset.UTC)};
            int[] types = {Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i], types[i]);
            }
            insert.setArray(10, connection.createArrayOf("text", header.stream().map(HeaderCard::getKeyword).toArray()));
            insert.setArray(11, connection.createArrayOf("text", header.stream().map(HeaderCard::getValue).toArray()));
            insert.setArray(12, connection.createArrayOf("text", header.stream().map(HeaderCard::getComment).toArray()));
            insert.executeUpdate();
        }
        try (PreparedStatement version = connection.prepareStatement(VERSION)) {
            version.setInt(1, exposureId);
            version.setString(2, e.getProduct().name());
            try (ResultSet rs = version.executeQuery()) {
                rs.next();
                if (!rs.getString(1).equals(e.getProductChecksum())) {
                    throw new ProductVersionConflictException(e.getName(), e.getProduct().name(), rs.getString(1),
                            e.getProductChecksum());
                }
            }
        }
    }

    Optional<RawProduct> findRaw(Connection connection, String exposure, String checksum) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, exposure);
            find.setString(2, "RAW");
            find.setString(3, checksum);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ExposureShape shape = new ExposureShape(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8));
                return Optional.of(new RawProduct(rs.getInt(1), exposure, shape, (Integer) rs.getObject(9)));
            }
        }
    }

    /** Counts newly loaded chunks; true when the product is now complete, empty when chunkCount contradicts it. */
    Optional<Boolean> addLoadedChunks(Connection connection, int productId, int chunkCount, int added)
            throws SQLException {
        try (PreparedStatement progress = connection.prepareStatement(PROGRESS)) {
            int[] values = {chunkCount, added, added, chunkCount, added, chunkCount, productId, chunkCount};
            for (int i = 0; i < values.length; i++) {
                progress.setInt(i + 1, values[i]);
            }
            try (ResultSet rs = progress.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1).equals("LOADED")) : Optional.empty();
            }
        }
    }
}
