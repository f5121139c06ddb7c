package org.miri.pixeldb.fits.groundtest;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.FitsException;
import org.miri.pixeldb.fits.jwst.MiriKeyword;
import org.miri.pixeldb.fits.jwst.ProductLayout;
import org.miri.pixeldb.fits.jwst.RawPixelType;
import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.model.ReferenceOutput;

/**
 * The frame stack of a ground-test raw file: NAXIS3 frames of NAXIS2 rows x NAXIS1 columns, each frame's first
 * {@code scienceRows} rows science, the rest the packed reference output (one value per 4 science pixels).
 *
 * @param frames        NAXIS3, nints x ngroups
 * @param rawRows       NAXIS2, science plus reference rows
 * @param cols          NAXIS1
 * @param scienceRows   science rows of each frame (80 % for JPL, NAXIS2 - NREFIMG for OTIS)
 */
public record GroundTestFrames(int frames, int rawRows, int cols, int scienceRows) {

    private static final int AXES = 3;
    /** JPL frames are 4 parts science, 1 part reference output. */
    private static final int FRAME_PARTS = 5;

    public static GroundTestFrames of(BasicHDU<?> primary, ProductLayout layout, HeaderValues header)
            throws RejectedProductException {
        RawPixelType.require(primary, "primary");
        int[] axes = axes(primary);
        int frames = axes[0];
        int rawRows = axes[1];
        int cols = axes[2];
        if (cols % ReferenceOutput.COLUMNS_PER_REFERENCE_COLUMN != 0) {
            throw new RejectedProductException("NAXIS1 = " + cols + " columns is not a multiple of 4: the reference "
                    + "output has one column per 4 columns");
        }
        if (layout == ProductLayout.OTIS_RAW) {
            int referenceRows = header.requireInt(MiriKeyword.OTIS_NREFIMG);
            int scienceRows = rawRows - referenceRows;
            if (referenceRows < 1 || referenceRows * ReferenceOutput.COLUMNS_PER_REFERENCE_COLUMN != scienceRows) {
                throw new RejectedProductException("NREFIMG " + referenceRows + " reference rows cannot hold the "
                        + "reference output of " + scienceRows + " science rows: it needs a quarter of them");
            }
            return new GroundTestFrames(frames, rawRows, cols, scienceRows);
        }
        if (rawRows % FRAME_PARTS != 0) {
            throw new RejectedProductException("NAXIS2 = " + rawRows + " frame rows cannot split into 80 % science "
                    + "and 20 % reference-output rows");
        }
        return new GroundTestFrames(frames, rawRows, cols, rawRows / FRAME_PARTS * (FRAME_PARTS - 1));
    }

    private static int[] axes(BasicHDU<?> primary) throws RejectedProductException {
        try {
            int[] axes = primary.getAxes();
            if (axes == null || axes.length != AXES) {
                throw new RejectedProductException("primary NAXIS = " + (axes == null ? 0 : axes.length)
                        + " where a ground-test raw product has " + AXES + " axes");
            }
            return axes;
        } catch (FitsException e) {
            throw new RejectedProductException("the primary HDU has unreadable axes: " + e.getMessage(), e);
        }
    }

    int refCols() {
        return cols / ReferenceOutput.COLUMNS_PER_REFERENCE_COLUMN;
    }
}
