package org.miri.pixeldb.exporter.part;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.miri.pixeldb.exporter.parquet.ParquetPartFile;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.schemas.ExportPart;

/**
 * RAMP: SCI and ERR (big-endian float32) and GROUPDQ (uint8) per group, ramp after ramp in each strip, with the
 * pixel's PIXELDQ from the product's PIXELDQ strips of the part's rows, read first (a few kB per row).
 */
final class CorrectedRows extends PartRows {

    @Override
    long append(Connection db, ExportPart part, PartContext context, ParquetPartFile file) throws SQLException {
        long[][] pixeldq = pixeldq(db, part);
        long rows = 0;
        try (ResultSet strips = strips(db, "corrected_ramp_strip", "sci, err, groupdq", part, false)) {
            while (strips.next()) {
                int row = strips.getInt(2);
                int firstCol = strips.getInt(3);
                int ncols = strips.getInt(4);
                byte[] sciBytes = strips.getBytes(5);
                byte[] errBytes = strips.getBytes(6);
                byte[] groupdq = strips.getBytes(7);
                int ngroups = groupdq.length / ncols;
                var sci = ByteBuffer.wrap(sciBytes).asFloatBuffer();
                var err = errBytes == null ? null : ByteBuffer.wrap(errBytes).asFloatBuffer();
                float[] sciRamp = new float[ngroups];
                float[] errRamp = new float[ngroups];
                short[] dqRamp = new short[ngroups];
                int from = Math.max(firstCol, part.getColFirst());
                int to = Math.min(firstCol + ncols - 1, part.getColLast());
                for (int col = from; col <= to; col++) {
                    int offset = (col - firstCol) * ngroups;
                    long anyGroup = 0;
                    for (int g = 0; g < ngroups; g++) {
                        dqRamp[g] = (short) (groupdq[offset + g] & 0xff);
                        anyGroup |= dqRamp[g];
                    }
                    long pixel = pixeldq[row - part.getRowFirst()][col];
                    if (!passes(part, pixel | anyGroup)) {
                        continue;
                    }
                    sci.get(offset, sciRamp);
                    DuckDBAppender appender = begin(file, context, strips.getInt(1), row, col, false).append(sciRamp);
                    if (err == null) {
                        appender.appendNull();
                    } else {
                        err.get(offset, errRamp);
                        appender.append(errRamp);
                    }
                    appender.append(dqRamp).append(pixel).endRow();
                    rows++;
                }
            }
        }
        return rows;
    }

    /** PIXELDQ of the part's rows, indexed [row - first row][full-frame column], unsigned. */
    private static long[][] pixeldq(Connection db, ExportPart part) throws SQLException {
        long[][] dq = new long[part.getRowLast() - part.getRowFirst() + 1][FrameGeometry.COLUMNS + 1];
        try (PreparedStatement statement = db.prepareStatement("select row, first_col, ncols, dq from pixeldq_strip"
                + " where product_id = ? and row between ? and ?")) {
            statement.setLong(1, part.getProductId());
            statement.setInt(2, part.getRowFirst());
            statement.setInt(3, part.getRowLast());
            try (ResultSet strips = statement.executeQuery()) {
                while (strips.next()) {
                    var values = ByteBuffer.wrap(strips.getBytes(4)).asIntBuffer();
                    long[] row = dq[strips.getInt(1) - part.getRowFirst()];
                    for (int i = 0; i < strips.getInt(3); i++) {
                        row[strips.getInt(2) + i] = Integer.toUnsignedLong(values.get(i));
                    }
                }
            }
        }
        return dq;
    }
}
