package org.miri.pixeldb.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * The deployment's database step, run before any service starts (by {@code ./pixeldb up}, the test harness and the
 * compose service {@code db-setup}): as a superuser, the roles of migration V11, the schema owner's login when it
 * is not the superuser, and the services' logins with the deployment's passwords; then, as the owner, the
 * migrations. Idempotent: a repeated run changes passwords to the given ones and migrates what is new.
 *
 * @param owner the schema owner; the superuser itself where there is no separate owner (the local stack, tests)
 */
public record DatabaseSetup(String jdbcUrl, Account superuser, Account owner) {

    /** A user and its password. */
    public record Account(String user, String password) {
        @Override
        public String toString() {
            return user; // never the password, in a log line or an exception
        }
    }

    public void run(Map<DatabaseLogin, String> passwords) throws SQLException {
        for (DatabaseLogin login : DatabaseLogin.values()) {
            String password = passwords.get(login);
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("no password given for the database login " + login.user());
            }
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, superuser.user(), superuser.password())) {
            for (DatabaseLogin login : DatabaseLogin.values()) {
                ensureRole(connection, login.role(), false);
            }
            if (!owner.user().equals(superuser.user())) {
                ensureRole(connection, owner.user(), true);
                setPassword(connection, owner);
                execute(connection, format(connection, "alter database %I owner to %I", connection.getCatalog(), owner.user()));
                execute(connection, format(connection, "alter schema public owner to %I", owner.user()));
                adoptSchema(connection, owner.user());
            }
            for (DatabaseLogin login : DatabaseLogin.values()) {
                ensureRole(connection, login.user(), true);
                setPassword(connection, new Account(login.user(), passwords.get(login)));
                execute(connection, format(connection, "grant %I to %I", login.role(), login.user()));
            }
        }
        Flyway.configure().dataSource(jdbcUrl, owner.user(), owner.password()).load().migrate();
    }

    // A database migrated before this step existed (by the superuser the postgres image made) has the superuser's
    // tables: the owner takes them over, so that it can migrate them and grant on them. Indexes and identity sequences
    // follow their tables.
    private static void adoptSchema(Connection connection, String owner) throws SQLException {
        String objects = "select format('alter %s %s owner to %I', kind, name, ?) from ("
                + " select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end as kind,"
                + "   c.oid::regclass::text as name, c.relowner as owner_oid"
                + "   from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')"
                + " union all"
                + " select case p.prokind when 'p' then 'procedure' else 'function' end, p.oid::regprocedure::text, p.proowner"
                + "   from pg_proc p where p.pronamespace = 'public'::regnamespace"
                + " ) o where o.owner_oid <> (select oid from pg_roles where rolname = ?)";
        List<String> changes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(objects)) {
            statement.setString(1, owner);
            statement.setString(2, owner);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    changes.add(rs.getString(1));
                }
            }
        }
        for (String change : changes) {
            execute(connection, change);
        }
    }

    private static void ensureRole(Connection connection, String name, boolean login) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    execute(connection, format(connection, login ? "alter role %I login" : "alter role %I nologin", name));
                    return;
                }
            }
        }
        execute(connection, format(connection, login ? "create role %I login" : "create role %I nologin", name));
    }

    // The driver hashes the password (SCRAM) before it is sent, so that it never shows in the server's statement log.
    private static void setPassword(Connection connection, Account account) throws SQLException {
        connection.unwrap(PGConnection.class).alterUserPassword(account.user(), account.password().toCharArray(), null);
    }

    // DDL takes no bind parameters: the server quotes the names itself (format's %I).
    private static String format(Connection connection, String pattern, String... values) throws SQLException {
        StringBuilder call = new StringBuilder("select format(?");
        call.append(", ?".repeat(values.length)).append(')');
        try (PreparedStatement statement = connection.prepareStatement(call.toString())) {
            statement.setString(1, pattern);
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 2, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
