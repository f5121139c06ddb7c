package org.miri.pixeldb.exporter.part;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.miri.pixeldb.schemas.ExportPart;

/**
 * What every row of a part repeats (exposure, detector, DATE-OBS) and the exposure's provenance for the file's
 * metadata, read in the part's snapshot. The product version priced at submission must still be the loaded one:
 * a file never mixes versions, and a replaced or deleted product fails the part instead.
 *
 * @param dateObs    DATE-OBS (UTC), or null when the files had none
 * @param ngroups    groups per ramp
 * @param provenance JSON array: every loaded product of the exposure with checksum, source and pipeline provenance
 */
public record PartContext(String exposure, String detector, Instant dateObs, int ngroups, String provenance) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
            .withZone(ZoneOffset.UTC);
    private static final String SQL = "select e.name, d.name, e.date_obs, p.state, e.ngroups,"
            + " (select json_agg(json_build_object('product', q.kind, 'productVersion', q.id, 'checksum', q.checksum,"
            + " 'source', q.source_bucket || '/' || q.source_key, 'loadedAt', q.loaded_at, 'calVer', q.cal_ver,"
            + " 'crdsCtx', q.crds_ctx, 'steps', q.steps, 'referenceFiles', q.reference_files) order by q.kind)::text"
            + " from product q where q.exposure_id = e.id and q.state = 'LOADED')"
            + " from product p join exposure e on e.id = p.exposure_id join detector d on d.sca_id = e.sca_id"
            + " where p.id = ?";

    public static PartContext of(Connection db, ExportPart part) throws SQLException, PartRefusedException {
        try (PreparedStatement statement = db.prepareStatement(SQL)) {
            statement.setLong(1, part.getProductId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || !"LOADED".equals(rs.getString(4)) || !rs.getString(1).equals(part.getExposure())) {
                    throw new PartRefusedException("the " + part.getProduct() + " product of " + part.getExposure()
                            + " priced for this export (version " + part.getProductId() + ") is no longer loaded:"
                            + " it was replaced or deleted after the export was submitted; submit the export again");
                }
                OffsetDateTime dateObs = rs.getObject(3, OffsetDateTime.class);
                return new PartContext(rs.getString(1), rs.getString(2), dateObs == null ? null : dateObs.toInstant(),
                        rs.getInt(5), rs.getString(6));
            }
        }
    }

    /** The values every row of the part shares, by column, as text DuckDB casts to the column's type. */
    public Map<String, String> constants() {
        Map<String, String> constants = new HashMap<>();
        constants.put("exposure", exposure);
        constants.put("detector", detector);
        constants.put("date_obs", dateObs == null ? null : UTC.format(dateObs));
        return constants;
    }
}
