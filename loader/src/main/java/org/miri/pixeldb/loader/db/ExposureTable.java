package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import org.miri.pixeldb.schemas.Exposure;

/** The {@code exposure} table: one row per exposure name, created by whichever product arrives first. */
public final class ExposureTable {

    private static final String INSERT = "insert into exposure (name, sca_id, subarray, substrt1, substrt2, subsize1,"
            + " subsize2, readpatt, nints, ngroups, nframes, groupgap, tframe, tgroup, inttime, exptime, date_obs,"
            + " date_end, exp_type, origin, origin_detector, origin_sca_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (name) do nothing returning id";
    private static final String FIND = "select id, sca_id, substrt1, substrt2, subsize1, subsize2, nints, ngroups"
            + " from exposure where name = ?";

    private final ProductTable products = new ProductTable();

    /**
     * Registers the exposure (if new) and this product version of it (if new, beside any other version), in the caller's
     * transaction, and returns the exposure id. The same record again changes nothing.
     *
     * @throws ExposureConflictException the exposure is known with another detector, subarray or ramp shape
     */
    public int upsert(Connection connection, Exposure exposure) throws SQLException, LoadException {
        Integer id = insert(connection, exposure);
        if (id == null) {
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, exposure.getName());
                try (ResultSet rs = find.executeQuery()) {
                    rs.next();
                    id = rs.getInt(1);
                    ExposureShape known = new ExposureShape(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7), rs.getInt(8));
                    if (!known.equals(ExposureShape.of(exposure))) {
                        throw new ExposureConflictException(exposure.getName(), known, ExposureShape.of(exposure));
                    }
                }
            }
        }
        products.register(connection, id, exposure);
        return id;
    }

    private static Integer insert(Connection connection, Exposure e) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Object[] values = {e.getName(), e.getScaId(), e.getSubarray(), e.getSubstrt1(), e.getSubstrt2(),
                e.getSubsize1(), e.getSubsize2(), e.getReadpatt(), e.getNints(), e.getNgroups(), e.getNframes(),
                e.getGroupgap(), e.getTframe(), e.getTgroup(), e.getInttime(), e.getExptime(),
                e.getDateObs() == null ? null : e.getDateObs().atOffset(ZoneOffset.UTC),
                e.getDateEnd() == null ? null : e.getDateEnd().atOffset(ZoneOffset.UTC),
                e.getExpType(), e.getOrigin().name(), e.getOriginDetector(), e.getOriginScaId()};
            int[] types = {Types.VARCHAR, Types.SMALLINT, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER,
                Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.DOUBLE,
                Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.TIMESTAMP_WITH_TIMEZONE,
                Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i], types[i]);
            }
            try (ResultSet rs = insert.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }
}
