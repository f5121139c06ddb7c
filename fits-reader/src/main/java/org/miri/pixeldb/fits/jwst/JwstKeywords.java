package org.miri.pixeldb.fits.jwst;

import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.model.Detector;
import org.miri.pixeldb.model.Subarray;

/** Reads the exposure keywords of a JWST-layout file (flight, or ground-test data already converted). */
public final class JwstKeywords {

    private JwstKeywords() {
    }

    public static ExposureKeywords read(HeaderValues primary) throws RejectedProductException {
        Detector detector = requireDetector(primary.string(MiriKeyword.DETECTOR));
        Integer scaId = primary.integer(MiriKeyword.SCA_ID);
        if (scaId != null && scaId != detector.scaId()) {
            throw new RejectedProductException("SCA_ID " + scaId + " does not belong to DETECTOR " + detector
                    + " (" + detector.scaId() + ")");
        }
        Subarray subarray = new Subarray(primary.requireString(MiriKeyword.SUBARRAY),
                primary.requireInt(MiriKeyword.SUBSTRT1), primary.requireInt(MiriKeyword.SUBSTRT2),
                primary.requireInt(MiriKeyword.SUBSIZE1), primary.requireInt(MiriKeyword.SUBSIZE2));
        // The prototype's ground-test converter kept JPL's detector name and SCA_ID under these keywords.
        return new ExposureKeywords(detector, primary.string(MiriKeyword.JPL_DET_JPL),
                primary.integer(MiriKeyword.JPL_SCAIDJPL), subarray, primary.string(MiriKeyword.READPATT),
                primary.requireInt(MiriKeyword.NINTS), primary.requireInt(MiriKeyword.NGROUPS),
                primary.requireInt(MiriKeyword.NFRAMES));
    }

    /** The detector a JWST DETECTOR value names; rejects anything that is not a MIRI detector. */
    static Detector requireDetector(String name) throws RejectedProductException {
        if (name == null) {
            throw new RejectedProductException("DETECTOR is missing from the primary header");
        }
        return Detector.named(name).orElseThrow(() -> new RejectedProductException(
                "DETECTOR " + name + " is not a MIRI detector (" + Detector.known() + ")"));
    }
}
