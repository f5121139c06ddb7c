package org.miri.pixeldb.fits.jwst;

import static org.miri.pixeldb.fits.structure.RejectedProductException.count;

import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.model.Detector;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.model.ReferenceOutput;
import org.miri.pixeldb.model.Subarray;

/**
 * The exposure as JWST keywords describe it, whatever layout the file has (ground-test files are converted).
 *
 * @param detector       the MIRI detector
 * @param originDetector the file's own detector name when it differs (JPL's 'IC'); null otherwise
 * @param originScaId    the file's own SCA_ID when it differs (JPL's 20); null otherwise
 * @param subarray       the part of the frame the file covers
 * @param readpatt       READPATT, null when absent
 * @param nints          integrations (NINTS)
 * @param ngroups        groups per integration (NGROUPS)
 * @param nframes        frames per group (NFRAMES)
 */
public record ExposureKeywords(Detector detector, String originDetector, Integer originScaId, Subarray subarray,
        String readpatt, int nints, int ngroups, int nframes) {

    /** More integrations or groups than this is a corrupt header, not an exposure. */
    static final int MAX_COUNT = 65_535;

    public RampGeometry geometry() {
        return new RampGeometry(nints, ngroups, subarray.subsize2(), subarray.subsize1(),
                subarray.substrt2(), subarray.substrt1());
    }

    /** The checks every layout shares: sane counts and a subarray on the detector. */
    public void validate() throws RejectedProductException {
        requireCount(MiriKeyword.NINTS.key(), nints);
        requireCount(MiriKeyword.NGROUPS.key(), ngroups);
        requireCount(MiriKeyword.NFRAMES.key(), nframes);
        requireOnDetector(subarray);
        if (subarray.subsize1() % ReferenceOutput.COLUMNS_PER_REFERENCE_COLUMN != 0) {
            throw new RejectedProductException("SUBSIZE1 " + subarray.subsize1()
                    + " columns is not a multiple of 4: the reference output has one column per 4 columns");
        }
    }

    /** Rejects a subarray that is empty or does not lie inside the 1032 x 1024 full frame. */
    static void requireOnDetector(Subarray subarray) throws RejectedProductException {
        if (subarray.subsize1() < 1 || subarray.subsize2() < 1) {
            throw new RejectedProductException("subarray " + subarray.name() + " is empty: SUBSIZE1 "
                    + subarray.subsize1() + " x SUBSIZE2 " + subarray.subsize2());
        }
        if (subarray.substrt1() < 1 || subarray.lastColumn() > FrameGeometry.COLUMNS) {
            throw new RejectedProductException("subarray columns " + subarray.substrt1() + ".." + subarray.lastColumn()
                    + " run off the " + FrameGeometry.COLUMNS + "-column detector");
        }
        if (subarray.substrt2() < 1 || subarray.lastRow() > FrameGeometry.ROWS) {
            throw new RejectedProductException("subarray rows " + subarray.substrt2() + ".." + subarray.lastRow()
                    + " run off the " + FrameGeometry.ROWS + "-row detector");
        }
    }

    public static void requireCount(String keyword, int value) throws RejectedProductException {
        if (value < 1) {
            throw new RejectedProductException(keyword + " " + value + " is below 1");
        }
        if (value > MAX_COUNT) {
            throw new RejectedProductException(keyword + " " + count(value) + " is absurd: more than "
                    + count(MAX_COUNT));
        }
    }
}
