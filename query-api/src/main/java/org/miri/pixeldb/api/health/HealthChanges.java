package org.miri.pixeldb.api.health;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.miri.pixeldb.schemas.PixelHealthChange;

/**
 * The pixel-state changes of an evaluated exposure: its pixels whose states differ from their states in the previous
 * evaluated exposure of the same detector and readout pattern that contains them, ordered by (DATE-OBS, name). The
 * candidates are the exposure's flagged pixels and, inside its grid, the pixels flagged in their previous exposure
 * (they may have become healthy); every other pixel is healthy in both.
 */
final class HealthChanges {

    /**
     * The earlier evaluated exposures of the detector and pattern overlapping the exposure's grid, clipped to it,
     * without those whose clipped grid a single later one of them covers: no pixel of the grid can have those as its
     * previous exposure. A series of one subarray keeps one; before, each flagged pixel of every earlier exposure
     * looked up its own previous exposure, which grew with the series (16 s per full frame, see
     * docs/profiles/2026-12-05).
     */
    private static final String EARLIER = "earlier as materialized (select x.id, x.name, x.date_obs,"
            + " greatest(x.substrt2, me.substrt2) as r0, least(x.substrt2 + x.subsize2, me.substrt2 + me.subsize2) - 1"
            + " as r1, greatest(x.substrt1, me.substrt1) as c0,"
            + " least(x.substrt1 + x.subsize1, me.substrt1 + me.subsize1) - 1 as c1"
            + " from me join exposure x on x.sca_id = me.sca_id and x.readpatt is not distinct from me.readpatt"
            + " and x.date_obs is not null and (x.date_obs, x.name) < (me.date_obs, me.name)"
            + " join exposure_health xh on xh.exposure_id = x.id"
            + " where x.substrt2 < me.substrt2 + me.subsize2 and me.substrt2 < x.substrt2 + x.subsize2"
            + " and x.substrt1 < me.substrt1 + me.subsize1 and me.substrt1 < x.substrt1 + x.subsize1),"
            + " previous as materialized (select e.*, row_number() over (order by e.date_obs desc, e.name desc) as rank"
            + " from earlier e where not exists (select 1 from earlier l where (l.date_obs, l.name) > (e.date_obs, e.name)"
            + " and l.r0 <= e.r0 and l.r1 >= e.r1 and l.c0 <= e.c0 and l.c1 >= e.c1))";
    /** The latest of those holding a pixel: its previous exposure. */
    private static final String PREVIOUS_OF = "select q.id, q.name from previous q where %1$s between q.r0 and q.r1"
            + " and %2$s between q.c0 and q.c1 order by q.rank limit 1";
    private static final String CHANGES = "with me as (select e.id, e.name, e.sca_id, e.readpatt, e.date_obs,"
            + " e.substrt1, e.substrt2, e.subsize1, e.subsize2, d.name as detector, h.evaluated_at from exposure e"
            + " join exposure_health h on h.exposure_id = e.id join detector d on d.sca_id = e.sca_id"
            + " where e.name = ? and e.date_obs is not null), " + EARLIER + ","
            + " candidates as (select p.row, p.col from pixel_health p join me on p.exposure_id = me.id"
            + " union select p.row, p.col from previous e join pixel_health p on p.exposure_id = e.id"
            + " and p.row between e.r0 and e.r1 and p.col between e.c0 and e.c1"
            + " where not exists (select 1 from previous l where l.rank < e.rank and p.row between l.r0 and l.r1"
            + " and p.col between l.c0 and l.c1))"
            + " select me.detector, c.row, c.col, me.readpatt, me.name, me.date_obs, coalesce(cur.states, '{}'),"
            + " prev.name, coalesce(pp.states, '{}'), me.evaluated_at from me cross join candidates c"
            + " left join pixel_health cur on cur.exposure_id = me.id and cur.row = c.row and cur.col = c.col"
            + " left join lateral (" + String.format(PREVIOUS_OF, "c.row", "c.col") + ") prev on true"
            + " left join pixel_health pp on pp.exposure_id = prev.id and pp.row = c.row and pp.col = c.col"
            + " where coalesce(cur.states, '{}') <> coalesce(pp.states, '{}') order by c.row, c.col";
    /** The first later evaluated exposure of the detector and pattern overlapping this one: its changes may move. */
    private static final String NEXT = "select n.name from exposure me join exposure n on n.sca_id = me.sca_id"
            + " and n.readpatt is not distinct from me.readpatt and (n.date_obs, n.name) > (me.date_obs, me.name)"
            + " join exposure_health h on h.exposure_id = n.id where me.name = ?"
            + " and n.substrt2 <= me.substrt2 + me.subsize2 - 1 and me.substrt2 <= n.substrt2 + n.subsize2 - 1"
            + " and n.substrt1 <= me.substrt1 + me.subsize1 - 1 and me.substrt1 <= n.substrt1 + n.subsize1 - 1"
            + " order by n.date_obs, n.name limit 1";

    private HealthChanges() {
    }

    /** The exposure's changes, by row and column; none when it is not evaluated or has no DATE-OBS. */
    static List<PixelHealthChange> of(Connection connection, String exposure) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CHANGES)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                List<PixelHealthChange> changes = new ArrayList<>();
                while (rs.next()) {
                    changes.add(PixelHealthChange.newBuilder().setDetector(rs.getString(1)).setRow(rs.getInt(2))
                            .setCol(rs.getInt(3)).setReadpatt(rs.getString(4)).setExposure(rs.getString(5))
                            .setDateObs(instant(rs, 6)).setStates(states(rs.getArray(7)))
                            .setPreviousExposure(rs.getString(8)).setPreviousStates(states(rs.getArray(9)))
                            .setEvaluatedAt(instant(rs, 10)).build());
                }
                return changes;
            }
        }
    }

    /** The exposure after this one whose changes an exposure arriving late may alter. */
    static Optional<String> next(Connection connection, String exposure) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(NEXT)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<String> states(Array array) throws SQLException {
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
