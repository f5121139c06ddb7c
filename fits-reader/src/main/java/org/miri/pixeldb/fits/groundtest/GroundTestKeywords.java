package org.miri.pixeldb.fits.groundtest;

import org.miri.pixeldb.fits.jwst.ExposureKeywords;
import org.miri.pixeldb.fits.jwst.MiriKeyword;
import org.miri.pixeldb.fits.jwst.ProductLayout;
import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.model.Detector;
import org.miri.pixeldb.model.Subarray;

/**
 * JWST keywords of a JPL or OTIS raw file. JPL data was taken on the imager detector (FPM-101) in FAST mode; JPL's
 * own DETECTOR and SCA_ID are kept as the origin values.
 */
public final class GroundTestKeywords {

    static final String JPL_READPATT = "FAST";

    private GroundTestKeywords() {
    }

    public static ExposureKeywords read(HeaderValues primary, ProductLayout layout, GroundTestFrames frames)
            throws RejectedProductException {
        boolean otis = layout == ProductLayout.OTIS_RAW;
        int ngroups = first(primary, MiriKeyword.NGROUPS, MiriKeyword.JPL_NGROUP);
        ExposureKeywords.requireCount(MiriKeyword.NGROUPS.key(), ngroups);
        int nints = FrameCount.nints(primary, frames.frames(), ngroups);
        int nframes = first(primary, MiriKeyword.NFRAMES, MiriKeyword.JPL_NFRAME);
        int substrt1 = otis ? primary.requireInt(MiriKeyword.OTIS_COLCORNR)
                : GroundTestConversion.substrt1(primary.requireInt(MiriKeyword.JPL_COLSTART));
        int substrt2 = primary.requireInt(otis ? MiriKeyword.OTIS_ROWCORNR : MiriKeyword.JPL_ROWSTART);
        String name = otis && primary.string(MiriKeyword.SUBARRAY) != null ? primary.string(MiriKeyword.SUBARRAY)
                : Subarray.groundTestName(frames.cols(), frames.rawRows(), substrt2);
        Subarray subarray = new Subarray(name, substrt1, substrt2, frames.cols(), frames.scienceRows());
        String fileDetector = primary.string(MiriKeyword.DETECTOR);
        Integer fileScaId = primary.integer(MiriKeyword.SCA_ID);
        Detector detector = otis ? otisDetector(fileDetector, fileScaId) : Detector.MIRIMAGE;
        String readpatt = otis ? primary.string(MiriKeyword.OTIS_READOUT) : JPL_READPATT;
        return new ExposureKeywords(detector, detector.name().equals(fileDetector) ? null : fileDetector,
                fileScaId == null || fileScaId == detector.scaId() ? null : fileScaId,
                subarray, readpatt, nints, ngroups, nframes);
    }

    private static Detector otisDetector(String name, Integer scaId) throws RejectedProductException {
        return Detector.named(name).or(() -> Detector.withScaId(scaId)).orElseThrow(() ->
                new RejectedProductException("DETECTOR " + name + " with SCA_ID " + scaId + " names no MIRI detector ("
                        + Detector.known() + ")"));
    }

    /** The JWST spelling, else the ground-test one (NGROUPS or NGROUP, NFRAMES or NFRAME). */
    static int first(HeaderValues primary, MiriKeyword jwst, MiriKeyword groundTest) throws RejectedProductException {
        Integer value = primary.integer(jwst);
        if (value == null) {
            value = primary.integer(groundTest);
        }
        if (value == null) {
            throw new RejectedProductException(jwst.key() + " (or " + groundTest.key() + ") is missing from the "
                    + "primary header");
        }
        return value;
    }
}
