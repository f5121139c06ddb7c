package org.miri.pixeldb.api.health;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.NullDataHDU;
import org.miri.pixeldb.api.format.FitsOutput;
import org.miri.pixeldb.model.DqFlags;
import org.miri.pixeldb.model.FrameGeometry;

/**
 * An exposure's health as a CRDS-MASK-like file: a primary HDU describing it, a full-frame uint32 DQ image with the
 * stdatamodels bits (HOT, WARM, DEAD; NOISY and JUMPY as OTHER_BAD_PIXEL, which has no finer bit), and a DQ_DEF
 * table saying what each bit means here. Pixels outside the exposure's subarray are 0: not evaluated.
 */
final class HealthMask {

    private static final Object[][] BITS = {
        {10, (long) DqFlags.DEAD, "DEAD", "DEAD: |slope| below 5 % of its amplifier's median in 75 % of illuminated integrations"},
        {11, (long) DqFlags.HOT, "HOT", "HOT: slope above median + 5 std of its amplifier in 75 % of its integrations"},
        {12, (long) DqFlags.WARM, "WARM", "WARM: not HOT, slope above median + 3 std in 75 % of its integrations"},
        {30, (long) DqFlags.OTHER_BAD_PIXEL, "OTHER_BAD_PIXEL", "NOISY (integration slopes' std) or JUMPY (jumps per integration)"},
    };

    // FITS dates carry no zone letter (UTC is implied) and always their seconds.
    private static final java.time.format.DateTimeFormatter FITS_DATE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").withZone(java.time.ZoneOffset.UTC);

    private HealthMask() {
    }

    static void write(OutputStream out, ExposureHealthPage summary, List<ExposureHealthPage.Pixel> pixels)
            throws IOException {
        try {
            NullDataHDU primary = new NullDataHDU();
            var header = primary.getHeader();
            header.addValue("TELESCOP", "JWST", "");
            header.addValue("INSTRUME", "MIRI", "");
            header.addValue("DETECTOR", summary.detector(), "");
            header.addValue("REFTYPE", "MASK", "CRDS-MASK-like: the detector health of one exposure");
            header.addValue("SUBARRAY", "FULL", "the mask covers the full frame");
            header.addValue("EXP_NAME", summary.exposure(), "exposure evaluated");
            if (summary.dateObs() != null) {
                header.addValue("DATE-OBS", FITS_DATE.format(summary.dateObs()), "of the exposure (UTC)");
            }
            header.addValue("READPATT", summary.readpatt() == null ? "" : summary.readpatt(), "");
            header.addValue("PRODUCT", summary.product(), "slopes evaluated");
            header.addValue("AUTHOR", "MIRI Pixel Database", "issue 14, decision 0014 rules");
            int[][] dq = new int[FrameGeometry.ROWS][FrameGeometry.COLUMNS];
            for (int[] row : dq) {
                java.util.Arrays.fill(row, Integer.MIN_VALUE);
            }
            for (ExposureHealthPage.Pixel p : pixels) {
                dq[p.row() - 1][p.col() - 1] = (int) (bits(p.states()) - 2147483648L);
            }
            BasicHDU<?> image = Fits.makeHDU(dq);
            image.getHeader().addValue("EXTNAME", "DQ", "");
            image.getHeader().addValue("BZERO", 2147483648L, "stored int32 + 2**31 = uint32 mask");
            List<BasicHDU<?>> hdus = new ArrayList<>(List.of(primary, image, definitions()));
            FitsOutput.write(out, hdus);
        } catch (FitsException e) {
            throw new IOException("cannot write the health mask: " + e.getMessage(), e);
        }
    }

    static long bits(List<String> states) {
        long bits = 0;
        for (String state : states) {
            bits |= switch (state) {
                case "DEAD" -> DqFlags.DEAD;
                case "HOT" -> DqFlags.HOT;
                case "WARM" -> DqFlags.WARM;
                default -> DqFlags.OTHER_BAD_PIXEL;
            };
        }
        return bits;
    }

    private static BinaryTableHDU definitions() throws FitsException {
        BinaryTable table = new BinaryTable();
        table.addColumn(java.util.Arrays.stream(BITS).mapToInt(b -> (Integer) b[0]).toArray());
        table.addColumn(java.util.Arrays.stream(BITS).mapToLong(b -> (Long) b[1]).toArray());
        table.addStringColumn(java.util.Arrays.stream(BITS).map(b -> (String) b[2]).toArray(String[]::new));
        table.addStringColumn(java.util.Arrays.stream(BITS).map(b -> (String) b[3]).toArray(String[]::new));
        BinaryTableHDU hdu = BinaryTableHDU.wrap(table);
        String[] names = {"BIT", "VALUE", "NAME", "DESCRIPTION"};
        for (int c = 0; c < names.length; c++) {
            hdu.setColumnName(c, names[c], null);
        }
        hdu.getHeader().addValue("EXTNAME", "DQ_DEF", "what each bit of DQ means here");
        return hdu;
    }
}
