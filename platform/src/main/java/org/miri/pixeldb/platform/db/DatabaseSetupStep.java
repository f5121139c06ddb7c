package org.miri.pixeldb.platform.db;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The compose deployment's one-shot database step ({@code java -cp '/deployments/lib/main/*' ...DatabaseSetupStep}
 * from the query-api image, which carries Flyway and the driver): {@link DatabaseSetup} configured by environment.
 */
public final class DatabaseSetupStep {

    public static final String JDBC_URL = "PIXELDB_JDBC_URL";
    public static final String SUPERUSER = "PIXELDB_DB_SUPERUSER";
    public static final String SUPERUSER_PASSWORD = "PIXELDB_DB_SUPERUSER_PASSWORD";
    public static final String OWNER = "PIXELDB_DB_OWNER";
    public static final String OWNER_PASSWORD = "PIXELDB_DB_OWNER_PASSWORD";
    public static final Map<DatabaseLogin, String> LOGIN_PASSWORDS = Map.of(
            DatabaseLogin.LOADER, "PIXELDB_DB_LOADER_PASSWORD",
            DatabaseLogin.API, "PIXELDB_DB_API_PASSWORD",
            DatabaseLogin.API_WRITER, "PIXELDB_DB_API_WRITER_PASSWORD");
    /** Every variable this step reads. */
    public static final List<String> VARIABLES = Stream.concat(
            Stream.of(JDBC_URL, SUPERUSER, SUPERUSER_PASSWORD, OWNER, OWNER_PASSWORD),
            LOGIN_PASSWORDS.values().stream()).toList();

    private DatabaseSetupStep() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Map<DatabaseLogin, String> passwords = new EnumMap<>(DatabaseLogin.class);
        LOGIN_PASSWORDS.forEach((login, variable) -> passwords.put(login, required(env, variable)));
        DatabaseSetup.Account superuser = new DatabaseSetup.Account(env.getOrDefault(SUPERUSER, "postgres"),
                required(env, SUPERUSER_PASSWORD));
        DatabaseSetup.Account owner = new DatabaseSetup.Account(env.getOrDefault(OWNER, "pixeldb_owner"),
                required(env, OWNER_PASSWORD));
        new DatabaseSetup(required(env, JDBC_URL), superuser, owner).run(passwords);
        System.out.println("database setup: schema migrated by " + owner + "; logins "
                + passwords.keySet().stream().map(DatabaseLogin::user).toList() + " ready");
    }

    private static String required(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            System.err.println("database setup: " + variable + " is not set");
            System.exit(2);
        }
        return value;
    }
}
