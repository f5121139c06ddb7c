package org.miri.pixeldb.fits.jwst;

import nom.tam.fits.ImageHDU;
import org.miri.pixeldb.fits.structure.ArrayType;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.structure.Extensions;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.model.Subarray;

/**
 * The arrays of a RAMP product (JWST RampModel), each found by EXTNAME and checked against the primary keywords
 * before any value is read: SCI, GROUPDQ and ERR (nints, ngroups, ny, nx), PIXELDQ (ny, nx), REFOUT (nints, ngroups,
 * ny, nx/4). ERR is optional because newer pipelines no longer write it; REFOUT is optional as in the data model.
 *
 * @param err    null when the product has no ERR
 * @param refout null when the product has no REFOUT
 */
public record CorrectedRampArrays(ImageHDU sci, ImageHDU err, ImageHDU groupdq, ImageHDU pixeldq, ImageHDU refout) {

    private static final String MISSING = "a RAMP product has SCI, GROUPDQ and PIXELDQ (ERR and REFOUT optional)";

    public static CorrectedRampArrays validate(Extensions hdus, ExposureKeywords keywords)
            throws RejectedProductException {
        Subarray subarray = keywords.subarray();
        ArrayAxis columns = ArrayAxis.columns(subarray);
        ArrayAxis rows = ArrayAxis.rows(subarray);
        ArrayAxis groups = ArrayAxis.groups(keywords);
        ArrayAxis integrations = ArrayAxis.integrations(keywords);
        ImageHDU sci = cube(ExtensionName.SCI, ArrayType.FLOAT32, columns, rows, groups, integrations)
                .require(hdus, MISSING);
        ImageHDU groupdq = cube(ExtensionName.GROUPDQ, ArrayType.UINT8, columns, rows, groups, integrations)
                .require(hdus, MISSING);
        ImageHDU pixeldq = new ArraySpec(ExtensionName.PIXELDQ, ArrayType.UINT32, columns, rows)
                .require(hdus, MISSING);
        ImageHDU err = hdus.has(ExtensionName.ERR)
                ? cube(ExtensionName.ERR, ArrayType.FLOAT32, columns, rows, groups, integrations).require(hdus, MISSING)
                : null;
        ImageHDU refout = hdus.has(ExtensionName.REFOUT)
                ? cube(ExtensionName.REFOUT, ArrayType.FLOAT32, ArrayAxis.referenceColumns(subarray), rows, groups,
                        integrations).require(hdus, MISSING)
                : null;
        return new CorrectedRampArrays(sci, err, groupdq, pixeldq, refout);
    }

    private static ArraySpec cube(ExtensionName name, ArrayType type, ArrayAxis columns, ArrayAxis rows,
            ArrayAxis groups, ArrayAxis integrations) {
        return new ArraySpec(name, type, columns, rows, groups, integrations);
    }
}
