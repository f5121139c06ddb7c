package org.miri.pixeldb.exporter.part;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.miri.pixeldb.exporter.parquet.ParquetPartFile;
import org.miri.pixeldb.schemas.ExportPart;

/** RAW and REFOUT: each strip holds ncols ramps of big-endian uint16 samples, one ramp after the other. */
final class RawRows extends PartRows {

    private final boolean refout;

    RawRows(boolean refout) {
        this.refout = refout;
    }

    @Override
    long append(Connection db, ExportPart part, PartContext context, ParquetPartFile file) throws SQLException {
        long rows = 0;
        try (ResultSet strips = strips(db, refout ? "refout_ramp_strip" : "raw_ramp_strip", "samples", part, false)) {
            short[] ramp = null;
            while (strips.next()) {
                int firstCol = strips.getInt(3);
                int ncols = strips.getInt(4);
                byte[] samples = strips.getBytes(5);
                int ngroups = samples.length / 2 / ncols;
                if (ramp == null || ramp.length != ngroups) {
                    ramp = new short[ngroups];
                }
                var values = ByteBuffer.wrap(samples).asShortBuffer();
                int from = Math.max(firstCol, part.getColFirst());
                int to = Math.min(firstCol + ncols - 1, part.getColLast());
                for (int col = from; col <= to; col++) {
                    values.get((col - firstCol) * ngroups, ramp);
                    begin(file, context, strips.getInt(1), strips.getInt(2), col, refout).append(ramp).endRow();
                    rows++;
                }
            }
        }
        return rows;
    }
}
