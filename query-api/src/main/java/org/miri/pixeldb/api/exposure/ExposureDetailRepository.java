package org.miri.pixeldb.api.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.miri.pixeldb.api.db.Database;

/** Reads an exposure's products, their provenance and headers, and its ingest log. */
@ApplicationScoped
public class ExposureDetailRepository {

    private static final String PRODUCTS = "select p.kind, p.state, p.checksum, p.source_key, p.source_size,"
            + " p.split_at, p.loaded_at, p.chunk_count, p.chunks_loaded,"
            + " (select coalesce(sum(l.ramps), 0) from chunk_ledger l where l.product_id = p.id),"
            + " p.cal_ver, p.cal_vcs, p.crds_ver, p.crds_ctx, p.steps::text, p.reference_files::text, p.header::text"
            + " from product p where p.exposure_id = ? order by p.kind, p.split_at";
    private static final String INGEST = "select object_key, product_kind, state, reason, received_at, updated_at"
            + " from ingest_log where exposure_name = ? order by received_at, id";

    @Inject
    Database database;
    @Inject
    ExposureRepository exposures;

    public Optional<ExposureDetail> find(String name) throws SQLException {
        try (Connection connection = database.read()) {
            Optional<ExposureSummary> exposure = exposures.find(connection, name);
            if (exposure.isEmpty()) {
                return Optional.empty();
            }
            List<ExposureDetail.Product> products = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(PRODUCTS)) {
                statement.setLong(1, exposure.get().id());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        products.add(new ExposureDetail.Product(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getLong(5), instant(rs, 6), instant(rs, 7),
                                (Integer) rs.getObject(8), rs.getInt(9), rs.getLong(10), rs.getString(11),
                                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                                rs.getString(16), rs.getString(17)));
                    }
                }
            }
            List<ExposureDetail.IngestEntry> ingest = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(INGEST)) {
                statement.setString(1, name);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ingest.add(new ExposureDetail.IngestEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), instant(rs, 5), instant(rs, 6)));
                    }
                }
            }
            return Optional.of(new ExposureDetail(exposure.get(), products, ingest));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
