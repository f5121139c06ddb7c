package org.miri.pixeldb.loader.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.HeaderCard;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.Provenance;

/** The {@code product} table: one row per loaded version of one product of an exposure, and its load progress. */
final class ProductTable {

    // The header becomes a JSON array in the database, so that no JSON escaping is needed here.
    // The header becomes a JSON array, steps and reference files JSON objects, so that no JSON escaping is needed here.
    private static final String INSERT = "insert into product (exposure_id, kind, checksum, source_bucket, source_key,"
            + " source_etag, source_size, source_last_modified, split_at, cal_ver, cal_vcs, crds_ver, crds_ctx, header,"
            + " steps, reference_files) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " coalesce((select jsonb_agg(jsonb_build_object('keyword', k, 'value', v, 'comment', c) order by n)"
            + " from unnest(?::text[], ?::text[], ?::text[]) with ordinality as h(k, v, c, n)), '[]'),"
            + " (select coalesce(jsonb_object_agg(k, v), '{}') from unnest(?::text[], ?::text[]) as s(k, v)),"
            + " (select coalesce(jsonb_object_agg(k, v), '{}') from unnest(?::text[], ?::text[]) as r(k, v))"
            + " on conflict do nothing";
    private static final String FIND = "select p.id, e.sca_id, e.substrt1, e.substrt2, e.subsize1, e.subsize2,"
            + " e.nints, e.ngroups, p.chunk_count from product p join exposure e on e.id = p.exposure_id"
            + " where e.name = ? and p.kind = ? and p.checksum = ?";
    private static final String SOURCE = "select source_bucket, source_key, source_etag from product where id = ?";
    private static final String DELETE = "delete from product where id = ?";
    // The row lock this takes orders concurrent writers of one product, so exactly one of them sees it complete.
    private static final String PROGRESS = "update product set chunk_count = ?, chunks_loaded = chunks_loaded + ?"
            + " where id = ? and (chunk_count is null or chunk_count = ?) returning chunks_loaded = chunk_count";

    /**
     * Registers a product version; the same version again changes nothing. Another version of the kind registers
     * beside it: from the same object (a changed file) to replace it once loaded, from another object to be
     * compared with it once loaded ({@link ProductPromotion}).
     */
    void register(Connection connection, int exposureId, Exposure e) throws SQLException {
        List<HeaderCard> header = e.getHeader();
        Provenance provenance = e.getProvenance();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Object[] values = {exposureId, e.getProduct().name(), e.getProductChecksum(), e.getSource().getBucket(),
                e.getSource().getKey(), e.getSource().getEtag(), e.getSource().getSize(),
                e.getSource().getLastModified() == null ? null : e.getSource().getLastModified().atOffset(ZoneOffset.UTC),
                e.getSplitAt().atOffset(ZoneOffset.UTC),
                provenance == null ? null : provenance.getCalVer(), provenance == null ? null : provenance.getCalVcs(),
                provenance == null ? null : provenance.getCrdsVer(), provenance == null ? null : provenance.getCrdsCtx()};
            int[] types = {Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i], types[i]);
            }
            int next = values.length + 1;
            insert.setArray(next++, texts(connection, header.stream().map(HeaderCard::getKeyword)));
            insert.setArray(next++, texts(connection, header.stream().map(HeaderCard::getValue)));
            insert.setArray(next++, texts(connection, header.stream().map(HeaderCard::getComment)));
            Map<String, String> steps = provenance == null ? Map.of() : provenance.getSteps();
            Map<String, String> references = provenance == null ? Map.of() : provenance.getReferenceFiles();
            insert.setArray(next++, texts(connection, steps.keySet().stream()));
            insert.setArray(next++, texts(connection, steps.keySet().stream().map(steps::get)));
            insert.setArray(next++, texts(connection, references.keySet().stream()));
            insert.setArray(next, texts(connection, references.keySet().stream().map(references::get)));
            insert.executeUpdate();
        }
    }

    /** The object the version was read from (the first one, when the same content came under several keys). */
    Optional<ObjectOrigin> source(Connection connection, int productId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SOURCE)) {
            query.setInt(1, productId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new ObjectOrigin(row.getString(1), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Deletes the version; its strips and ledger rows go with it (cascade). */
    void delete(Connection connection, int productId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setInt(1, productId);
            delete.executeUpdate();
        }
    }

    private static Array texts(Connection connection, Stream<? extends CharSequence> values) throws SQLException {
        return connection.createArrayOf("text", values.map(v -> v == null ? null : v.toString()).toArray());
    }

    Optional<ProductVersion> find(Connection connection, String exposure, ProductKind kind, String checksum)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, exposure);
            find.setString(2, kind.name());
            find.setString(3, checksum);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ExposureShape shape = new ExposureShape(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8));
                return Optional.of(new ProductVersion(rs.getInt(1), exposure, kind, checksum, shape,
                        (Integer) rs.getObject(9)));
            }
        }
    }

    /** Counts newly loaded chunks; true when every chunk is in now, empty when chunkCount contradicts the product. */
    Optional<Boolean> addLoadedChunks(Connection connection, int productId, int chunkCount, int added)
            throws SQLException {
        try (PreparedStatement progress = connection.prepareStatement(PROGRESS)) {
            int[] values = {chunkCount, added, productId, chunkCount};
            for (int i = 0; i < values.length; i++) {
                progress.setInt(i + 1, values[i]);
            }
            try (ResultSet rs = progress.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        }
    }
}
