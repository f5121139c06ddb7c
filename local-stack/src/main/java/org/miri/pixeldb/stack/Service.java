package org.miri.pixeldb.stack;

import java.util.EnumSet;
import java.util.Set;
import org.miri.pixeldb.platform.db.DatabaseLogin;

/** The five deployables, what each needs from the servers, and the port offset of its HTTP endpoint. */
public enum Service {
    // query-api reads the bucket too: it streams the exporter's files from exports/ and deletes them.
    QUERY_API("query-api", 0, EnumSet.of(Needs.KAFKA, Needs.POSTGRES, Needs.S3)),
    FITS_SPLITTER("fits-splitter", 1, EnumSet.of(Needs.KAFKA, Needs.S3)),
    RAMP_WRITER("ramp-writer", 2, EnumSet.of(Needs.KAFKA, Needs.POSTGRES)),
    CORRECTED_WRITER("corrected-writer", 3, EnumSet.of(Needs.KAFKA, Needs.POSTGRES)),
    // Reads the database (SELECT only, the API's read login) and writes Parquet files under exports/ in the bucket.
    EXPORTER("exporter", 4, EnumSet.of(Needs.KAFKA, Needs.POSTGRES, Needs.S3));

    public enum Needs { KAFKA, POSTGRES, S3 }

    /**
     * Where the second and further exporter instances of {@code up --exporters N} listen: api port + 10 + i for the
     * (i+1)-th instance (i = 1..N-1), above the five services' ports (api port + 0..4).
     */
    public static final int EXTRA_EXPORTER_OFFSET = 10;
    /** Likewise for {@code up --writers N}: ramp-writers at api port + 30 + i, corrected-writers at + 40 + i. */
    public static final int EXTRA_RAMP_WRITER_OFFSET = 30;
    public static final int EXTRA_CORRECTED_WRITER_OFFSET = 40;

    private final String module;
    private final int portOffset;
    private final Set<Needs> needs;

    Service(String module, int portOffset, Set<Needs> needs) {
        this.module = module;
        this.portOffset = portOffset;
        this.needs = needs;
    }

    public String module() {
        return module;
    }

    public int port(int apiPort) {
        return apiPort + portOffset;
    }

    /**
     * The HTTP port of instance {@code index} (0 the first): the service's own port, then, for further instances of the
     * exporter and the writers, api port + their offset ({@link #EXTRA_EXPORTER_OFFSET}...) + index.
     */
    public int port(int apiPort, int index) {
        if (index == 0) {
            return port(apiPort);
        }
        return apiPort + index + switch (this) {
            case EXPORTER -> EXTRA_EXPORTER_OFFSET;
            case RAMP_WRITER -> EXTRA_RAMP_WRITER_OFFSET;
            case CORRECTED_WRITER -> EXTRA_CORRECTED_WRITER_OFFSET;
            default -> throw new IllegalArgumentException(module + " runs one instance only");
        };
    }

    /** The name of instance {@code index} (0 the first): the module, then e.g. {@code exporter-2}, {@code exporter-3}. */
    public String instanceName(int index) {
        return index == 0 ? module : module + "-" + (index + 1);
    }

    public boolean needs(Needs what) {
        return needs.contains(what);
    }

    /** The database login the service connects as (migration V11's roles), never the superuser that set them up. */
    public DatabaseLogin databaseLogin() {
        if (!needs(Needs.POSTGRES)) {
            throw new IllegalStateException(module + " uses no database");
        }
        // The exporter reads only: the API's read login (role pixeldb_read, SELECT only).
        return this == QUERY_API || this == EXPORTER ? DatabaseLogin.API : DatabaseLogin.LOADER;
    }
}
