package org.miri.pixeldb.loader.bench;

import java.sql.SQLException;
import org.miri.pixeldb.loader.db.BinaryCopyEncoder;

/** How one storage layout turns a block of ramps into COPY rows. */
@FunctionalInterface
interface RowEncoder {

    void encode(BinaryCopyEncoder out, RowBlock block) throws SQLException;

    /** One row per ramp: (product_id, integration, row, col, samples) with samples as {@code codec} makes them. */
    static RowEncoder perRamp(SampleCodec codec) {
        return (out, b) -> {
            for (int i = 0; i < b.nints(); i++) {
                for (int r = 0; r < b.rows(); r++) {
                    for (int c = 0; c < b.cols(); c++) {
                        out.row(5).int4(b.productId()).int2(i + 1).int2(b.firstRow() + r).int2(b.firstCol() + c);
                        codec.write(out, b.samples()[i], b.offset(r, c), b.ngroups());
                    }
                }
            }
        };
    }

    /** One row per pixel and exposure: (product_id, row, col, samples of every integration, concatenated). */
    static RowEncoder perPixel() {
        return (out, b) -> {
            byte[] all = new byte[b.nints() * b.rampBytes()];
            for (int r = 0; r < b.rows(); r++) {
                for (int c = 0; c < b.cols(); c++) {
                    for (int i = 0; i < b.nints(); i++) {
                        System.arraycopy(b.samples()[i], b.offset(r, c), all, i * b.rampBytes(), b.rampBytes());
                    }
                    out.row(4).int4(b.productId()).int2(b.firstRow() + r).int2(b.firstCol() + c).bytes(all, 0, all.length);
                }
            }
        };
    }

    /** One row per run of {@code width} pixels of a detector row (all of it when width is 0) and integration. */
    static RowEncoder strips(int width) {
        return (out, b) -> {
            int step = width == 0 ? b.cols() : width;
            for (int i = 0; i < b.nints(); i++) {
                for (int r = 0; r < b.rows(); r++) {
                    for (int c = 0; c < b.cols(); c += step) {
                        int n = Math.min(step, b.cols() - c);
                        out.row(6).int4(b.productId()).int2(i + 1).int2(b.firstRow() + r).int2(b.firstCol() + c)
                                .int2(n).bytes(b.samples()[i], b.offset(r, c), n * b.rampBytes());
                    }
                }
            }
        };
    }
}
