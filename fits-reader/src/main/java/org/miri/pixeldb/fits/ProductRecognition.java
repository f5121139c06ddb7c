package org.miri.pixeldb.fits;

import nom.tam.fits.FitsException;
import nom.tam.fits.header.Standard;
import org.miri.pixeldb.fits.jwst.MiriKeyword;
import org.miri.pixeldb.fits.jwst.ProductLayout;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.structure.Extensions;
import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.schemas.Origin;

/**
 * Tells by header content alone which product a file holds and where it was taken: extension names for the JWST
 * layouts, campaign keywords for the ground-test layouts. File names are not trusted for this.
 */
final class ProductRecognition {

    /** Ground-test frame stacks (frames, rows, cols) and per-integration slopes (nints, rows, cols) are cubes. */
    private static final int CUBE_AXES = 3;
    private static final String JPL_ORIGIN = "JPL";

    private ProductRecognition() {
    }

    static ProductLayout layout(Extensions hdus, HeaderValues primary) throws RejectedProductException {
        if (hdus.has(ExtensionName.SCI)) {
            return jwstLayout(hdus);
        }
        int axes = primary.requireInt(Standard.NAXIS);
        if (axes != CUBE_AXES) {
            throw new RejectedProductException("not a MIRI product: no SCI extension, and the primary HDU holds no "
                    + "ground-test frames (NAXIS = " + axes + ")");
        }
        if (primary.has(MiriKeyword.OTIS_COLCORNR) || primary.has(MiriKeyword.OTIS_ROWCORNR)
                || primary.has(MiriKeyword.OTIS_NREFIMG)) {
            return ProductLayout.OTIS_RAW;
        }
        if (JPL_ORIGIN.equalsIgnoreCase(primary.string(MiriKeyword.ORIGIN)) || primary.has(MiriKeyword.JPL_ROWSTART)
                || primary.has(MiriKeyword.JPL_COLSTART) || primary.has(MiriKeyword.JPL_NINT)) {
            return ProductLayout.JPL_RAW;
        }
        throw new RejectedProductException("the primary HDU holds 3-D frames but neither JPL keywords "
                + "(ORIGIN = 'JPL', ROWSTART, COLSTART, NINT) nor OTIS keywords (COLCORNR, ROWCORNR, NREFIMG)");
    }

    private static ProductLayout jwstLayout(Extensions hdus) throws RejectedProductException {
        if (hdus.has(ExtensionName.GROUPDQ) || hdus.has(ExtensionName.PIXELDQ)) {
            return ProductLayout.JWST_RAMP;
        }
        if (hdus.has(ExtensionName.DQ) && hdus.has(ExtensionName.VAR_POISSON)) {
            return sciAxes(hdus) == CUBE_AXES ? ProductLayout.JWST_RATEINTS : ProductLayout.JWST_RATE;
        }
        if (hdus.has(ExtensionName.REFOUT)) {
            return ProductLayout.JWST_RAW;
        }
        throw new RejectedProductException("not a MIRI product: an SCI extension without REFOUT (raw), "
                + "GROUPDQ/PIXELDQ (ramps) or DQ and VAR_POISSON (slopes)");
    }

    private static int sciAxes(Extensions hdus) throws RejectedProductException {
        try {
            return hdus.image(ExtensionName.SCI).getAxes().length;
        } catch (FitsException e) {
            throw new RejectedProductException("the SCI extension has unreadable axes: " + e.getMessage(), e);
        }
    }

    /** Ground-test layouts name their campaign; JWST-layout files converted from JPL data keep ORIGIN = 'JPL'. */
    static Origin origin(ProductLayout layout, HeaderValues primary) {
        if (layout == ProductLayout.JPL_RAW) {
            return Origin.JPL;
        }
        if (layout == ProductLayout.OTIS_RAW || primary.has(MiriKeyword.OTIS_COLCORNR)) {
            return Origin.OTIS;
        }
        if (JPL_ORIGIN.equalsIgnoreCase(primary.string(MiriKeyword.ORIGIN)) || primary.has(MiriKeyword.JPL_DET_JPL)) {
            return Origin.JPL;
        }
        return Origin.FLIGHT;
    }
}
