package org.miri.pixeldb.api.pixel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.NullDataHDU;
import org.miri.pixeldb.api.format.FitsOutput;
import org.miri.pixeldb.model.FrameGeometry;

/**
 * A pixel's life as a FITS binary table (extension PIXEL_LIFE), one row per exposure and integration; ramps are
 * variable-length array columns because exposures differ in NGROUPS. The pixel's coordinates are keywords.
 */
public final class PixelFits {

    private static final String[] COLUMNS = {"EXPOSURE", "DATE_OBS", "INTEGRATION", "PIXELDQ", "RAW", "SCI", "ERR",
        "GROUPDQ", "SLOPE", "SLOPE_ERR", "SLOPE_DQ", "VAR_POISSON", "VAR_RNOISE"};

    private PixelFits() {
    }

    public static void write(PixelLife life, OutputStream out) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (PixelLife.Exposure e : life.exposures()) {
            for (int i = 1; i <= e.nints(); i++) {
                final int n = i;
                PixelLife.RawRamp raw = e.raw().stream().filter(r -> r.integration() == n).findFirst().orElse(null);
                PixelLife.CorrectedRamp cor = e.corrected().stream().filter(r -> r.integration() == n).findFirst()
                        .orElse(null);
                PixelLife.Slope s = e.slopes().stream().filter(x -> x.integration() != null && x.integration() == n)
                        .findFirst().orElse(null);
                if (raw == null && cor == null && s == null) {
                    continue;
                }
                short[] groupdq = new short[cor == null ? 0 : cor.groupdq().length];
                for (int g = 0; g < groupdq.length; g++) {
                    groupdq[g] = (short) cor.groupdq()[g];
                }
                rows.add(new Object[] {e.name(), e.dateObs() == null ? "" : e.dateObs().toString(), n,
                    e.pixeldq() == null ? -1L : e.pixeldq(), raw == null ? new int[0] : raw.samples(),
                    cor == null ? new float[0] : cor.sci(),
                    cor == null || cor.err() == null ? new float[0] : cor.err(), groupdq,
                    s == null ? Float.NaN : s.sci(), s == null ? Float.NaN : s.err(), s == null ? -1L : s.dq(),
                    s == null ? Float.NaN : s.varPoisson(), s == null ? Float.NaN : s.varRnoise()});
            }
        }
        try {
            BasicHDU<?> primary = new NullDataHDU();
            Header header = primary.getHeader();
            header.addValue("DETECTOR", life.detector(), "MIRI detector");
            header.addValue("PIX_ROW", life.row(), "full-frame row of the pixel, 1-based");
            header.addValue("PIX_COL", life.col(), "full-frame column of the pixel, 1-based");
            header.addValue("PIXEL_ID", life.pixelId(), "(row - 1) * " + FrameGeometry.COLUMNS
                    + " + col, the prototype's pixel number");
            List<BasicHDU<?>> hdus = new ArrayList<>(List.of(primary));
            if (!rows.isEmpty()) {
                hdus.add(table(rows));
            }
            FitsOutput.write(out, hdus);
        } catch (FitsException e) {
            throw new IOException("cannot write FITS: " + e.getMessage(), e);
        }
    }

    private static BinaryTableHDU table(List<Object[]> rows) throws FitsException {
        BinaryTable table = new BinaryTable();
        int n = rows.size();
        table.addStringColumn(rows.stream().map(r -> (String) r[0]).toArray(String[]::new));
        table.addStringColumn(rows.stream().map(r -> (String) r[1]).toArray(String[]::new));
        table.addColumn(rows.stream().mapToInt(r -> (Integer) r[2]).toArray());
        table.addColumn(rows.stream().mapToLong(r -> (Long) r[3]).toArray());
        table.addVariableSizeColumn(rows.stream().map(r -> (int[]) r[4]).toArray(int[][]::new));
        table.addVariableSizeColumn(rows.stream().map(r -> (float[]) r[5]).toArray(float[][]::new));
        table.addVariableSizeColumn(rows.stream().map(r -> (float[]) r[6]).toArray(float[][]::new));
        table.addVariableSizeColumn(rows.stream().map(r -> (short[]) r[7]).toArray(short[][]::new));
        for (int c = 8; c < COLUMNS.length; c++) {
            final int col = c;
            if (c == 10) {
                table.addColumn(rows.stream().mapToLong(r -> (Long) r[col]).toArray());
            } else {
                float[] values = new float[n];
                for (int i = 0; i < n; i++) {
                    values[i] = (Float) rows.get(i)[col];
                }
                table.addColumn(values);
            }
        }
        BinaryTableHDU hdu = BinaryTableHDU.wrap(table);
        for (int c = 0; c < COLUMNS.length; c++) {
            hdu.setColumnName(c, COLUMNS[c], null);
        }
        hdu.getHeader().addValue("EXTNAME", "PIXEL_LIFE", "one row per exposure and integration");
        hdu.getHeader().addValue("TNULL4", -1L, "PIXELDQ unknown (no RAMP product)");
        return hdu;
    }
}
