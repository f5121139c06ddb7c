package org.miri.pixeldb.fits.jwst;

import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.ImageHDU;
import org.miri.pixeldb.fits.structure.ArrayType;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.structure.Extensions;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * The arrays of a slope product, each found by EXTNAME and checked against the primary keywords before any value is
 * read: SCI, ERR, DQ, VAR_POISSON and VAR_RNOISE, all (nints, ny, nx) for RATEINTS and (ny, nx) for RATE. All five
 * are required: a slope message carries every one of them.
 */
public record SlopeArrays(ImageHDU sci, ImageHDU err, ImageHDU dq, ImageHDU varPoisson, ImageHDU varRnoise) {

    public static SlopeArrays validate(Extensions hdus, ExposureKeywords keywords, ProductKind product)
            throws RejectedProductException {
        List<ArrayAxis> axes = new ArrayList<>(List.of(ArrayAxis.columns(keywords.subarray()),
                ArrayAxis.rows(keywords.subarray())));
        if (product == ProductKind.RATEINTS) {
            axes.add(ArrayAxis.integrations(keywords));
        }
        String missing = "a " + product + " product has SCI, ERR, DQ, VAR_POISSON and VAR_RNOISE";
        return new SlopeArrays(
                new ArraySpec(ExtensionName.SCI, ArrayType.FLOAT32, axes).require(hdus, missing),
                new ArraySpec(ExtensionName.ERR, ArrayType.FLOAT32, axes).require(hdus, missing),
                new ArraySpec(ExtensionName.DQ, ArrayType.UINT32, axes).require(hdus, missing),
                new ArraySpec(ExtensionName.VAR_POISSON, ArrayType.FLOAT32, axes).require(hdus, missing),
                new ArraySpec(ExtensionName.VAR_RNOISE, ArrayType.FLOAT32, axes).require(hdus, missing));
    }
}
