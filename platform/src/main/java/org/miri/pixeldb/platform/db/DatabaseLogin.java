package org.miri.pixeldb.platform.db;

/**
 * The login users the services connect as, each a member of one role of migration V11. The deployment creates them
 * with its own passwords ({@link DatabaseSetup}); the names are the services' configured defaults.
 */
public enum DatabaseLogin {

    /** Both writers: load what the splitter sent. */
    LOADER("pixeldb_loader", "pixeldb_load"),
    /** The query API's read pool. */
    API("pixeldb_api", "pixeldb_read"),
    /** The query API's pool for its few changes: the status fold, deletions, token registration. */
    API_WRITER("pixeldb_api_writer", "pixeldb_api_write");

    private final String user;
    private final String role;

    DatabaseLogin(String user, String role) {
        this.user = user;
        this.role = role;
    }

    /** The login user's name. */
    public String user() {
        return user;
    }

    /** The role (without login) it is a member of, and so the only rights it has. */
    public String role() {
        return role;
    }
}
