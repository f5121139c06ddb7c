package org.miri.pixeldb.exporter.part;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.miri.pixeldb.exporter.parquet.ParquetPartFile;
import org.miri.pixeldb.schemas.ExportPart;
import org.miri.pixeldb.schemas.ExportProduct;

/**
 * RATEINTS, RATE and QUICKLOOK: one value per pixel in each plane (big-endian float32, DQ uint32). RATE's single plane
 * is stored as integration 0 and written with a null integration.
 */
final class SlopeRows extends PartRows {

    @Override
    long append(Connection db, ExportPart part, PartContext context, ParquetPartFile file) throws SQLException {
        boolean rate = part.getProduct() == ExportProduct.RATE;
        long rows = 0;
        try (ResultSet strips = strips(db, "slope_strip", "sci, err, var_poisson, var_rnoise, dq", part, rate)) {
            while (strips.next()) {
                int firstCol = strips.getInt(3);
                FloatBuffer[] planes = new FloatBuffer[4];
                for (int p = 0; p < planes.length; p++) {
                    planes[p] = ByteBuffer.wrap(strips.getBytes(5 + p)).asFloatBuffer();
                }
                var dq = ByteBuffer.wrap(strips.getBytes(9)).asIntBuffer();
                int from = Math.max(firstCol, part.getColFirst());
                int to = Math.min(firstCol + strips.getInt(4) - 1, part.getColLast());
                for (int col = from; col <= to; col++) {
                    int i = col - firstCol;
                    long flags = Integer.toUnsignedLong(dq.get(i));
                    if (!passes(part, flags)) {
                        continue;
                    }
                    begin(file, context, strips.getInt(1), strips.getInt(2), col, false).append(planes[0].get(i))
                            .append(planes[1].get(i)).append(planes[2].get(i)).append(planes[3].get(i))
                            .append(flags).endRow();
                    rows++;
                }
            }
        }
        return rows;
    }
}
