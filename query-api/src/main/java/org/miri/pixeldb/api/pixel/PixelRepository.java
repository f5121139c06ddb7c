package org.miri.pixeldb.api.pixel;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
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

    // The page's exposures come in as two arrays (id, ngroups), so the strip lookups need no join to exposure: one
    // index probe per product and row is all a pixel costs.
    private static final String PAGE = " from unnest(?::bigint[], ?::int[]) x(id, ngroups) join product p"
            + " on p.exposure_id = x.id and p.state = 'LOADED' join ";
    private static final String PIXEL = " s on s.product_id = p.id and s.row = ? and s.first_col <= ?"
            + " and s.first_col + s.ncols > ?";
    private static final String RAW = "select x.id, s.integration, substring(s.samples from"
            + " (? - s.first_col) * x.ngroups * 2 + 1 for x.ngroups * 2)" + PAGE + "raw_ramp_strip" + PIXEL
            + " where p.kind = 'RAW' and s.integration between ? and ?";
    private static final String CORRECTED = "select x.id, s.integration,"
            + " substring(s.sci from (? - s.first_col) * x.ngroups * 4 + 1 for x.ngroups * 4),"
            + " substring(s.err from (? - s.first_col) * x.ngroups * 4 + 1 for x.ngroups * 4),"
            + " substring(s.groupdq from (? - s.first_col) * x.ngroups + 1 for x.ngroups)" + PAGE
            + "corrected_ramp_strip" + PIXEL + " where p.kind = 'RAMP' and s.integration between ? and ?";
    private static final String PIXELDQ = "select x.id, substring(s.dq from (? - s.first_col) * 4 + 1 for 4)"
            + PAGE + "pixeldq_strip" + PIXEL + " where p.kind = 'RAMP'";
    private static final String SLOPES = "select x.id, p.kind, s.integration,"
            + " substring(s.sci from (? - s.first_col) * 4 + 1 for 4), substring(s.err from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.dq from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.var_poisson from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.var_rnoise from (? - s.first_col) * 4 + 1 for 4)" + PAGE + "slope_strip" + PIXEL
            + " where p.kind in ('RATEINTS', 'RATE') and (p.kind = 'RATE' or s.integration between ? and ?)";

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
    public PixelSamples samples(Connection connection, PixelQuery query, List<ExposureSummary> page, Set<String> parts)
            throws SQLException {
        Array exposureIds = connection.createArrayOf("bigint", page.stream().map(ExposureSummary::id).toArray());
        Array ngroups = connection.createArrayOf("int4", page.stream().map(ExposureSummary::ngroups).toArray());
        PixelSamples samples = new PixelSamples();
        int col = query.col();
        int first = query.integrations().first();
        int last = query.integrations().last();
        if (parts.contains("raw")) {
            try (ResultSet rs = run(connection, RAW, exposureIds, ngroups, query, new Object[] {col}, first, last)) {
                while (rs.next()) {
                    samples.raw(rs.getLong(1), rs.getInt(2), rs.getBytes(3));
                }
            }
        }
        if (parts.contains("corrected")) {
            try (ResultSet rs = run(connection, CORRECTED, exposureIds, ngroups, query, new Object[] {col, col, col}, first, last)) {
                while (rs.next()) {
                    samples.corrected(rs.getLong(1), rs.getInt(2),
                            new PixelSamples.Corrected(rs.getBytes(3), rs.getBytes(4), rs.getBytes(5)));
                }
            }
            try (ResultSet rs = run(connection, PIXELDQ, exposureIds, ngroups, query, new Object[] {col})) {
                while (rs.next()) {
                    samples.pixeldq(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
        if (parts.contains("slopes")) {
            try (ResultSet rs = run(connection, SLOPES, exposureIds, ngroups, query, new Object[] {col, col, col, col, col},
                    first, last)) {
                while (rs.next()) {
                    samples.slope(rs.getLong(1), new PixelSamples.SlopeBytes(rs.getString(2), rs.getInt(3),
                            rs.getBytes(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7), rs.getBytes(8)));
                }
            }
        }
        return samples;
    }

    private static ResultSet run(Connection connection, String sql, Array ids, Array ngroups, PixelQuery query,
            Object[] slices, Object... after) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        int i = 1;
        for (Object slice : slices) {
            statement.setObject(i++, slice);
        }
        statement.setArray(i++, ids);
        statement.setArray(i++, ngroups);
        statement.setInt(i++, query.row());
        statement.setInt(i++, query.col());
        statement.setInt(i++, query.col());
        for (Object value : after) {
            statement.setObject(i++, value);
        }
        return statement.executeQuery();
    }
}
