package org.miri.pixeldb.api.exposure;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.miri.pixeldb.api.db.SqlQuery;
import org.miri.pixeldb.api.error.ApiException;

/**
 * Which exposures a listing or a pixel's life covers. Every value is bound, never spliced into SQL; the exposure
 * table is {@code e}.
 *
 * @param scaId  detector, or null for all
 * @param from   earliest DATE-OBS (inclusive); exposures with unknown dates drop out when a bound is given
 * @param to     latest DATE-OBS (inclusive)
 * @param loaded product kinds that must be loaded (RAW, RAMP, RATEINTS, RATE, QUICKLOOK)
 */
public record ExposureFilter(Integer scaId, String subarray, String readpatt, String expType, String origin,
        Instant from, Instant to, List<String> loaded) {

    private static final Set<String> KINDS = Set.of("RAW", "RAMP", "RATEINTS", "RATE", "QUICKLOOK");
    private static final Set<String> ORIGINS = Set.of("FLIGHT", "JPL", "OTIS");

    public ExposureFilter {
        loaded = loaded.stream().map(k -> k.toUpperCase(Locale.ROOT)).toList();
        for (String kind : loaded) {
            if (!KINDS.contains(kind)) {
                throw ApiException.badRequest("loaded", "loaded takes product kinds RAW, RAMP, RATEINTS, RATE, QUICKLOOK, not '"
                        + kind + "'");
            }
        }
        origin = origin == null ? null : origin.toUpperCase(Locale.ROOT);
        if (origin != null && !ORIGINS.contains(origin)) {
            throw ApiException.badRequest("origin", "origin is FLIGHT, JPL or OTIS");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from", "from (" + from + ") is after to (" + to + ")");
        }
    }

    /** Appends " and ..." conditions for every given criterion. */
    public void appendTo(SqlQuery query) {
        if (scaId != null) {
            query.append(" and e.sca_id = ?", scaId);
        }
        equal(query, "e.subarray", subarray);
        equal(query, "e.readpatt", readpatt);
        equal(query, "e.exp_type", expType);
        if (origin != null) {
            query.append(" and e.origin = ?", origin);
        }
        if (from != null) {
            query.append(" and e.date_obs >= ?", from);
        }
        if (to != null) {
            query.append(" and e.date_obs <= ?", to);
        }
        for (String kind : loaded) {
            query.append(" and exists (select 1 from product p where p.exposure_id = e.id and p.kind = ?"
                    + " and p.state = 'LOADED')", kind);
        }
    }

    // Keyword values are upper case in the files; matching ignores case so that "sub64" finds SUB64.
    private static void equal(SqlQuery query, String column, String value) {
        if (value != null) {
            query.append(" and upper(" + column + ") = upper(?)", value);
        }
    }
}
