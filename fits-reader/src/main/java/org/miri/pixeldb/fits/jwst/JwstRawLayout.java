package org.miri.pixeldb.fits.jwst;

import nom.tam.fits.FitsException;
import nom.tam.fits.ImageHDU;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.structure.Extensions;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.model.ReferenceOutput;
import org.miri.pixeldb.model.Subarray;

/**
 * Checks that the SCI and REFOUT arrays of a JWST raw file have the shape its keywords promise, SCI (NINTS, NGROUPS,
 * SUBSIZE2, SUBSIZE1) and REFOUT (NINTS, NGROUPS, SUBSIZE2, SUBSIZE1 / 4), before any sample is read.
 */
public final class JwstRawLayout {

    private static final int AXES = 4;

    private JwstRawLayout() {
    }

    public static void validate(Extensions hdus, ExposureKeywords keywords) throws RejectedProductException {
        Subarray subarray = keywords.subarray();
        ImageHDU sci = hdus.image(ExtensionName.SCI);
        RawPixelType.require(sci, "SCI");
        int[] sciAxes = fitsAxes(sci, "SCI");
        requireAxis("SCI", sciAxes, 1, subarray.subsize1(), "columns", "SUBSIZE1 " + subarray.subsize1());
        requireAxis("SCI", sciAxes, 2, subarray.subsize2(), "rows", "SUBSIZE2 " + subarray.subsize2());
        requireAxis("SCI", sciAxes, 3, keywords.ngroups(), "groups", "NGROUPS " + keywords.ngroups());
        requireAxis("SCI", sciAxes, 4, keywords.nints(), "integrations", "NINTS " + keywords.nints());

        ImageHDU refout = hdus.image(ExtensionName.REFOUT);
        RawPixelType.require(refout, "REFOUT");
        int[] refAxes = fitsAxes(refout, "REFOUT");
        int refCols = subarray.subsize1() / ReferenceOutput.COLUMNS_PER_REFERENCE_COLUMN;
        requireAxis("REFOUT", refAxes, 1, refCols, "columns", "SUBSIZE1 " + subarray.subsize1() + " / 4 = " + refCols);
        requireAxis("REFOUT", refAxes, 2, subarray.subsize2(), "rows", "SUBSIZE2 " + subarray.subsize2());
        requireAxis("REFOUT", refAxes, 3, keywords.ngroups(), "groups", "NGROUPS " + keywords.ngroups());
        requireAxis("REFOUT", refAxes, 4, keywords.nints(), "integrations", "NINTS " + keywords.nints());
    }

    /** The axes in FITS order: element 0 is NAXIS1 (nom-tam-fits gives them slowest first). */
    private static int[] fitsAxes(ImageHDU hdu, String label) throws RejectedProductException {
        try {
            int[] javaOrder = hdu.getAxes();
            if (javaOrder == null || javaOrder.length != AXES) {
                throw new RejectedProductException(label + " NAXIS = " + (javaOrder == null ? 0 : javaOrder.length)
                        + " where a raw MIRI product has " + AXES + " axes");
            }
            int[] fitsOrder = new int[AXES];
            for (int i = 0; i < AXES; i++) {
                fitsOrder[i] = javaOrder[AXES - 1 - i];
            }
            return fitsOrder;
        } catch (FitsException e) {
            throw new RejectedProductException(label + " has unreadable axes: " + e.getMessage(), e);
        }
    }

    private static void requireAxis(String label, int[] axes, int n, int expected, String unit, String promise)
            throws RejectedProductException {
        if (axes[n - 1] != expected) {
            throw new RejectedProductException(label + " NAXIS" + n + " = " + axes[n - 1] + " " + unit + " is not "
                    + promise);
        }
    }
}
