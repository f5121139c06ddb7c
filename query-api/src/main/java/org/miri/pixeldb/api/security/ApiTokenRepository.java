package org.miri.pixeldb.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Table api_token: roles by token hash. */
@ApplicationScoped
public class ApiTokenRepository {

    private static final String ROLE = "select role from api_token where sha256 = ?";
    private static final String REGISTER = "insert into api_token (sha256, role, label) values (?, ?, ?)"
            + " on conflict (sha256) do update set role = excluded.role";

    @Inject
    DataSource dataSource;

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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(REGISTER)) {
            statement.setString(1, sha256);
            statement.setString(2, role);
            statement.setString(3, label);
            statement.executeUpdate();
        }
    }
}
