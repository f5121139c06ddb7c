package org.miri.pixeldb.fits.groundtest;

import org.miri.pixeldb.fits.jwst.ExposureKeywords;
import org.miri.pixeldb.fits.jwst.MiriKeyword;
import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.structure.RejectedProductException;

/**
 * A ground-test file stacks all frames in NAXIS3; it must be NINT x NGROUPS, or, without NINT, a whole number of
 * integrations of NGROUPS frames.
 */
final class FrameCount {

    private FrameCount() {
    }

    static int nints(HeaderValues primary, int frames, int ngroups) throws RejectedProductException {
        MiriKeyword keyword = primary.has(MiriKeyword.JPL_NINT) ? MiriKeyword.JPL_NINT : MiriKeyword.NINTS;
        Integer nints = primary.integer(keyword);
        if (nints == null) {
            if (frames % ngroups != 0) {
                throw new RejectedProductException("NAXIS3 = " + frames + " frames is not a multiple of NGROUPS "
                        + ngroups);
            }
            nints = frames / ngroups;
        }
        ExposureKeywords.requireCount(keyword.key(), nints);
        if ((long) nints * ngroups != frames) {
            throw new RejectedProductException("NAXIS3 = " + frames + " frames is not NINTS " + nints + " x NGROUPS "
                    + ngroups);
        }
        return nints;
    }
}
