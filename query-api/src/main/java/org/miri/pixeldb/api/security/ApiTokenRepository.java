package org.miri.pixeldb.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.miri.pixeldb.api.db.Database;

/** Table api_token: roles by token hash. */
@ApplicationScoped
public class ApiTokenRepository {

    private static final String ROLE = "select role from api_token where sha256 = ?";
    private static final String REGISTER = "insert into api_token (sha256, role, label) values (?, ?, ?)"
            + " on conflict (sha256) do update set role = excluded.role";

    /** Lookups: the read pool (its role may read the token hashes, to check a read request's token). */
    @Inject
    DataSource dataSource;

    /** Registration: the API's write pool. */
    @Inject
    @io.quarkus.agroal.DataSource(Database.WRITE_POOL)
    DataSource writeSource;

    public Optional<String> role(String sha256) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ROLE)) {
            statement.setString(1, sha256);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void register(String sha256, String role, String label) throws SQLException {
        try (Connection connection = writeSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(REGISTER)) {
            statement.setString(1, sha256);
            statement.setString(2, role);
            statement.setString(3, label);
            statement.executeUpdate();
        }
    }
}
