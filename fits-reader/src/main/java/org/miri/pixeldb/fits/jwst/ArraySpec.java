package org.miri.pixeldb.fits.jwst;

import java.util.List;
import java.util.stream.Collectors;
import nom.tam.fits.FitsException;
import nom.tam.fits.ImageHDU;
import org.miri.pixeldb.fits.structure.ArrayType;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.structure.Extensions;
import org.miri.pixeldb.fits.structure.RejectedProductException;

/**
 * What one extension of a corrected or slope product must be: its type and its axes, NAXIS1 first. Checked from the
 * header alone, before any value is read, so that a contradicting file is rejected rather than cut into wrong ramps.
 *
 * @param name the EXTNAME
 * @param type how the values are stored
 * @param axes the axes in FITS order (NAXIS1 = columns first)
 */
public record ArraySpec(ExtensionName name, ArrayType type, List<ArrayAxis> axes) {

    ArraySpec(ExtensionName name, ArrayType type, ArrayAxis... axes) {
        this(name, type, List.of(axes));
    }

    /** The extension, checked; rejects it when it is missing, not an image, or of the wrong type or shape. */
    ImageHDU require(Extensions hdus, String missing) throws RejectedProductException {
        if (!hdus.has(name)) {
            throw new RejectedProductException("the " + name + " extension is missing: " + missing);
        }
        ImageHDU hdu = hdus.image(name);
        type.require(hdu, name);
        int[] slowestFirst = axesOf(hdu);
        if (slowestFirst.length != axes.size()) {
            throw new RejectedProductException(name + " has NAXIS " + slowestFirst.length + " but needs "
                    + axes.size() + " axes: " + axes.stream().map(ArrayAxis::unit).collect(Collectors.joining(", ")));
        }
        for (int n = 1; n <= axes.size(); n++) {
            ArrayAxis axis = axes.get(n - 1);
            int actual = slowestFirst[axes.size() - n];
            if (actual != axis.length()) {
                throw new RejectedProductException(name + " has " + actual + " " + axis.unit() + " (NAXIS" + n
                        + ") but " + axis.promise() + " is " + axis.length());
            }
        }
        return hdu;
    }

    private int[] axesOf(ImageHDU hdu) throws RejectedProductException {
        try {
            int[] axes = hdu.getAxes();
            return axes == null ? new int[0] : axes;
        } catch (FitsException e) {
            throw new RejectedProductException(name + " has unreadable axes: " + e.getMessage(), e);
        }
    }
}
