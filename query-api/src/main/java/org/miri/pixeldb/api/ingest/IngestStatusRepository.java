package org.miri.pixeldb.api.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.api.db.SqlQuery;
import org.miri.pixeldb.api.param.CursorToken;
import org.miri.pixeldb.api.param.Params;

/** Reads table {@code ingest_status}, which the ingest-status topology keeps. */
@ApplicationScoped
public class IngestStatusRepository {

    private static final String KNOWN_EXPOSURE = "select exists (select 1 from exposure where name = ?)";

    @Inject
    Database database;

    /** Most recently changed first; {@code limit + 1} rows, so that the caller knows whether a page follows. */
    public List<Listed> recent(List<String> states, CursorToken after, int limit) throws SQLException {
        SqlQuery query = new SqlQuery().append("select " + ProductStatus.COLUMNS + " from ingest_status where true");
        if (!states.isEmpty()) {
            query.append(" and state = any(?)", (Object) states.toArray(String[]::new));
        }
        if (after != null) {
            // Parsed as the resource checked it: Instant.parse alone refused tokens the resource accepted (a 500).
            query.append(" and (updated_at, id) < (?, ?)", Params.instant("cursor", after.key()), after.id());
        }
        query.append(" order by updated_at desc, id desc limit ?", limit + 1);
        try (Connection connection = database.read(); PreparedStatement statement = query.prepare(connection);
             ResultSet rs = statement.executeQuery()) {
            List<Listed> found = new ArrayList<>();
            while (rs.next()) {
                found.add(new Listed(ProductStatus.of(rs), rs.getLong("id")));
            }
            return found;
        }
    }

    /** The exposure's products; empty when the topology has seen none (then {@link #known} tells a 404 apart). */
    public List<ProductStatus> of(String exposure) throws SQLException {
        SqlQuery query = new SqlQuery().append("select " + ProductStatus.COLUMNS + " from ingest_status"
                + " where exposure_name = ? order by array_position(array['RAW', 'RAMP', 'RATEINTS', 'RATE'],"
                + " product_kind), received_at, object_key", exposure);
        try (Connection connection = database.read(); PreparedStatement statement = query.prepare(connection);
             ResultSet rs = statement.executeQuery()) {
            List<ProductStatus> found = new ArrayList<>();
            while (rs.next()) {
                found.add(ProductStatus.of(rs));
            }
            return found;
        }
    }

    public boolean known(String exposure) throws SQLException {
        try (Connection connection = database.read(); PreparedStatement statement = connection.prepareStatement(KNOWN_EXPOSURE)) {
            statement.setString(1, exposure);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A listed status with its row id, for the next page's cursor. */
    public record Listed(ProductStatus status, long id) {
    }
}
