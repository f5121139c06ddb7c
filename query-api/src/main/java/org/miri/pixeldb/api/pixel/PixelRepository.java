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

    // The page's exposures come in as two arrays (id, ngroups), so the strip lookups need no join to exposure; their
    // loaded products are found once for all parts. Every part is one branch of a single statement, so a page costs
    // one round trip and one snapshot whatever it includes. Columns: part, exposure id, integration, product kind,
    // then up to five packed values.
    private static final String PAGE = "with page as materialized (select x.id, x.ngroups, p.id as product_id, p.kind"
            + " from unnest(?::bigint[], ?::int[]) x(id, ngroups) join product p on p.exposure_id = x.id"
            + " and p.state = 'LOADED') ";
    private static final String PIXEL = " s on s.product_id = g.product_id and s.row = ? and s.first_col <= ?"
            + " and s.first_col + s.ncols > ?";
    private static final String NONE = "null::bytea";
    private static final String RAW = "select 1, g.id, s.integration, null::text, substring(s.samples from"
            + " (? - s.first_col) * g.ngroups * 2 + 1 for g.ngroups * 2), " + String.join(", ", NONE, NONE, NONE, NONE)
            + " from page g join raw_ramp_strip" + PIXEL + " where g.kind = 'RAW' and s.integration between ? and ?";
    private static final String CORRECTED = "select 2, g.id, s.integration, null::text,"
            + " substring(s.sci from (? - s.first_col) * g.ngroups * 4 + 1 for g.ngroups * 4),"
            + " substring(s.err from (? - s.first_col) * g.ngroups * 4 + 1 for g.ngroups * 4),"
            + " substring(s.groupdq from (? - s.first_col) * g.ngroups + 1 for g.ngroups), " + NONE + ", " + NONE
            + " from page g join corrected_ramp_strip" + PIXEL + " where g.kind = 'RAMP' and s.integration between ? and ?";
    private static final String PIXELDQ = "select 3, g.id, 0, null::text, substring(s.dq from (? - s.first_col) * 4 + 1"
            + " for 4), " + String.join(", ", NONE, NONE, NONE, NONE) + " from page g join pixeldq_strip" + PIXEL
            + " where g.kind = 'RAMP'";
    private static final String SLOPES = "select 4, g.id, s.integration, g.kind,"
            + " substring(s.sci from (? - s.first_col) * 4 + 1 for 4), substring(s.err from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.dq from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.var_poisson from (? - s.first_col) * 4 + 1 for 4),"
            + " substring(s.var_rnoise from (? - s.first_col) * 4 + 1 for 4) from page g join slope_strip" + PIXEL
            + " where g.kind in ('RATEINTS', 'RATE', 'QUICKLOOK') and (g.kind = 'RATE' or s.integration between ? and ?)";
    private static final int RAW_PART = 1;
    private static final int CORRECTED_PART = 2;
    private static final int PIXELDQ_PART = 3;

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
        int row = query.row();
        int col = query.col();
        int first = query.integrations().first();
        int last = query.integrations().last();
        SqlQuery sql = new SqlQuery().append(PAGE, exposureIds, ngroups);
        int branches = 0;
        if (parts.contains("raw")) {
            sql.append(union(branches++) + RAW, col, row, col, col, first, last);
        }
        if (parts.contains("corrected")) {
            sql.append(union(branches++) + CORRECTED, col, col, col, row, col, col, first, last);
            sql.append(union(branches++) + PIXELDQ, col, row, col, col);
        }
        if (parts.contains("slopes")) {
            sql.append(union(branches++) + SLOPES, col, col, col, col, col, row, col, col, first, last);
        }
        PixelSamples samples = new PixelSamples();
        if (branches == 0) {
            return samples;
        }
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long exposure = rs.getLong(2);
                switch (rs.getInt(1)) {
                    case RAW_PART -> samples.raw(exposure, rs.getInt(3), rs.getBytes(5));
                    case CORRECTED_PART -> samples.corrected(exposure, rs.getInt(3),
                            new PixelSamples.Corrected(rs.getBytes(5), rs.getBytes(6), rs.getBytes(7)));
                    case PIXELDQ_PART -> samples.pixeldq(exposure, rs.getBytes(5));
                    default -> samples.slope(exposure, new PixelSamples.SlopeBytes(rs.getString(4), rs.getInt(3),
                            rs.getBytes(5), rs.getBytes(6), rs.getBytes(7), rs.getBytes(8), rs.getBytes(9)));
                }
            }
        }
        return samples;
    }

    private static String union(int branchesBefore) {
        return branchesBefore == 0 ? "" : " union all ";
    }
}
