package org.miri.pixeldb.stack;

import java.util.EnumSet;
import java.util.Set;

/** The four deployables, what each needs from the servers, and the port offset of its HTTP endpoint. */
public enum Service {
    QUERY_API("query-api", 0, EnumSet.of(Needs.KAFKA, Needs.POSTGRES)),
    FITS_SPLITTER("fits-splitter", 1, EnumSet.of(Needs.KAFKA, Needs.S3)),
    RAMP_WRITER("ramp-writer", 2, EnumSet.of(Needs.KAFKA, Needs.POSTGRES)),
    CORRECTED_WRITER("corrected-writer", 3, EnumSet.of(Needs.KAFKA, Needs.POSTGRES));

    public enum Needs { KAFKA, POSTGRES, S3 }

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

    public boolean needs(Needs what) {
        return needs.contains(what);
    }
}
