package org.miri.pixeldb.api.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.miri.pixeldb.api.security.TokenHash;

/** Tokens registered for tests the way an operator would: only their SHA-256 goes into api_token. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin(DataSource db) throws Exception {
        return register(db, "test-admin-token-7f3a", "ADMIN");
    }

    public static String reader(DataSource db) throws Exception {
        return register(db, "test-read-token-91c2", "READ");
    }

    public static String exporter(DataSource db) throws Exception {
        return register(db, "test-export-token-5d0e", "EXPORT");
    }

    private static String register(DataSource db, String token, String role) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("insert into api_token"
                + " (sha256, role, label) values (?, ?, 'test') on conflict (sha256) do nothing")) {
            insert.setString(1, TokenHash.of(token));
            insert.setString(2, role);
            insert.executeUpdate();
        }
        return token;
    }
}
