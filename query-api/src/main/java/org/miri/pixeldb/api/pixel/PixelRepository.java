package org.miri.pixeldb.api.pixel;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.miri.pixeldb.api.db.SqlQuery;
import org.miri.pixeldb.api.exposure.ExposureSort;
import org.miri.pixeldb.api.exposure.ExposureSummary;

/**
 * Reads one pixel from the strip tables: an index range per product (primary key product, row, ...) and the pixel's
 * byte slice of each strip, decoded in Java. The views would decode every pixel of the strip in PL/pgSQL first.
 */
@ApplicationScoped
public class PixelRepository {

    private static final String LOADED = " from product p join exposure e on e.id = p.exposure_id join ";
    private static final String PIXEL = " s on s.product_id = p.id and s.row = ? and s.first_col <= ?"
            + " and s.first_col + s.ncols > ? where p.exposure_id = any(?) and p.state = 'LOADED'";
    private static final String RAW = "select p.exposure_id, s.integration, substring(s.samples from"
            + " (? - s.first_col) * e.ngroups * 2 + 1 for e.ngroups * 2)" + LOADED + "raw_ramp_strip" + PIXEL
            + " and p.kind = 'RAW' and s.integration between ? and ?";
    private static final String CORRECTED = "select p.exposure_id, s.integration,"
            + " substring(s.sci from (? - s.first_col) * e.ngroups * 4 + 1 for e.ngroups * 4),"
            + " substring(s.err from (? - s.first_col) * e.ngroups * 4 + 1 for e.ngroups * 4),"
            + " substring(s.groupdq from (? - s.first_col) * e.ngroups + 1 for e.ngroups)" + LOADED
            + "corrected_ramp_strip" + PIXEL + " and p.kind = 'RAMP' and s.integration between ? and ?";
    private static final String PIXELDQ = "select p.exposure_id, substring(s.dq from (? - s.first_col) * 4 + 1 for 4)"
            + LOADED + "pixeldq_strip" + PIXEL + " and p.kind = 'RAMP'";
    private static final String SLOPES = "select p.exposure_id, p.kind, s.integration,"
            + " substring(s.sci from (? - s.first_col) * 4 + 1 for 4), substring(s.err from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.dq from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.var_poisson from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.var_rnoise from (? - s.first_col) * 4 + 1 for 4)" + LOADED + "slope_strip" + PIXEL
            + " and p.kind in ('RATEINTS', 'RATE') and (p.kind = 'RATE' or s.integration between ? and ?)";

    /** The page of exposures containing the pixel (limit + 1 rows, to tell whether another page follows). */
    public List<ExposureSummary> exposures(Connection connection, PixelQuery query) throws SQLException {
        SqlQuery sql = new SqlQuery().append("select " + ExposureSummary.COLUMNS
                + " from exposure e join detector d on d.sca_id = e.sca_id where e.sca_id = ?", query.scaId())
                .append(" and ? between e.substrt2 and e.substrt2 + e.subsize2 - 1", query.row())
                .append(" and ? between e.substrt1 and e.substrt1 + e.subsize1 - 1", query.col());
        query.exposures().appendTo(sql);
        ExposureSort.DATE_OBS.appendAfter(sql, query.after(), "cursor");
        sql.append(ExposureSort.DATE_OBS.orderBy() + " limit ?", query.limit() + 1);
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            List<ExposureSummary> found = new java.util.ArrayList<>();
            while (rs.next()) {
                found.add(ExposureSummary.read(rs));
            }
            return found;
        }
    }

    /** The pixel's values in the given exposures; parts: raw, corrected (with PIXELDQ), slopes. */
    public PixelSamples samples(Connection connection, PixelQuery query, Long[] exposureIds, Set<String> parts)
            throws SQLException {
        PixelSamples samples = new PixelSamples();
        int col = query.col();
        int first = query.integrations().first();
        int last = query.integrations().last();
        if (parts.contains("raw")) {
            try (ResultSet rs = run(connection, RAW, exposureIds, query, new Object[] {col}, first, last)) {
                while (rs.next()) {
                    samples.raw(rs.getLong(1), rs.getInt(2), rs.getBytes(3));
                }
            }
        }
        if (parts.contains("corrected")) {
            try (ResultSet rs = run(connection, CORRECTED, exposureIds, query, new Object[] {col, col, col}, first, last)) {
                while (rs.next()) {
                    samples.corrected(rs.getLong(1), rs.getInt(2),
                            new PixelSamples.Corrected(rs.getBytes(3), rs.getBytes(4), rs.getBytes(5)));
                }
            }
            try (ResultSet rs = run(connection, PIXELDQ, exposureIds, query, new Object[] {col})) {
                while (rs.next()) {
                    samples.pixeldq(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
        if (parts.contains("slopes")) {
            try (ResultSet rs = run(connection, SLOPES, exposureIds, query, new Object[] {col, col, col, col, col},
                    first, last)) {
                while (rs.next()) {
                    samples.slope(rs.getLong(1), new PixelSamples.SlopeBytes(rs.getString(2), rs.getInt(3),
                            rs.getBytes(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7), rs.getBytes(8)));
                }
            }
        }
        return samples;
    }

    private static ResultSet run(Connection connection, String sql, Long[] ids, PixelQuery query, Object[] slices,
            Object... after) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        int i = 1;
        for (Object slice : slices) {
            statement.setObject(i++, slice);
        }
        statement.setInt(i++, query.row());
        statement.setInt(i++, query.col());
        statement.setInt(i++, query.col());
        statement.setArray(i++, connection.createArrayOf("bigint", ids));
        for (Object value : after) {
            statement.setObject(i++, value);
        }
        return statement.executeQuery();
    }
}
