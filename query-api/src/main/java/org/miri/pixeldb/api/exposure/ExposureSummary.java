package org.miri.pixeldb.api.exposure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** An exposure as listings show it: identity, geometry, timing and which products are loaded. */
public record ExposureSummary(@JsonIgnore long id, String name, String detector, int scaId, String subarray,
        int substrt1, int substrt2, int subsize1, int subsize2, String readpatt, int nints, int ngroups, int nframes,
        Double tframe, Double tgroup, Instant dateObs, Instant dateEnd, String expType, String origin,
        List<String> productsLoaded) {

    /** The columns {@link #read} expects, over exposure {@code e} and detector {@code d}. */
    public static final String COLUMNS = "e.id, e.name, d.name, e.sca_id, e.subarray, e.substrt1, e.substrt2,"
            + " e.subsize1, e.subsize2, e.readpatt, e.nints, e.ngroups, e.nframes, e.tframe, e.tgroup, e.date_obs,"
            + " e.date_end, e.exp_type, e.origin, array(select p.kind from product p where p.exposure_id = e.id"
            + " and p.state = 'LOADED' order by p.kind)";

    public static ExposureSummary read(ResultSet rs) throws SQLException {
        return new ExposureSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getInt(11),
                rs.getInt(12), rs.getInt(13), (Double) rs.getObject(14), (Double) rs.getObject(15), instant(rs, 16),
                instant(rs, 17), rs.getString(18), rs.getString(19), List.of((String[]) rs.getArray(20).getArray()));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Whether the full-frame pixel lies in the exposure's subarray. */
    public boolean contains(int row, int col) {
        return row >= substrt2 && row < substrt2 + subsize2 && col >= substrt1 && col < substrt1 + subsize1;
    }
}
