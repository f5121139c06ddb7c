package org.miri.pixeldb.api.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.api.db.SqlQuery;
import org.miri.pixeldb.api.param.CursorToken;

/** Finds exposures: listings by filter with keyset paging, and one by name. */
@ApplicationScoped
public class ExposureRepository {

    private static final String FROM = " from exposure e join detector d on d.sca_id = e.sca_id";

    @Inject
    Database database;

    /** Up to limit + 1 exposures, so that the caller knows whether a next page exists. */
    public List<ExposureSummary> list(ExposureFilter filter, ExposureSort sort, CursorToken after, int limit)
            throws SQLException {
        SqlQuery query = new SqlQuery().append("select " + ExposureSummary.COLUMNS + FROM + " where true");
        filter.appendTo(query);
        sort.appendAfter(query, after, "cursor");
        query.append(sort.orderBy() + " limit ?", limit + 1);
        try (Connection connection = database.read()) {
            return run(connection, query);
        }
    }

    public Optional<ExposureSummary> find(String name) throws SQLException {
        try (Connection connection = database.read()) {
            return find(connection, name);
        }
    }

    public Optional<ExposureSummary> find(Connection connection, String name) throws SQLException {
        SqlQuery query = new SqlQuery().append("select " + ExposureSummary.COLUMNS + FROM + " where e.name = ?", name);
        return run(connection, query).stream().findFirst();
    }

    static List<ExposureSummary> run(Connection connection, SqlQuery query) throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet rs = statement.executeQuery()) {
            List<ExposureSummary> found = new ArrayList<>();
            while (rs.next()) {
                found.add(ExposureSummary.read(rs));
            }
            return found;
        }
    }
}
