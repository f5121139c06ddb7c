package org.miri.pixeldb.stack.synth;

import nom.tam.fits.FitsException;
import nom.tam.fits.Header;

/** The primary-header keywords of a synthetic exposure, in the JWST and in the JPL dialect. */
final class SyntheticKeywords {

    private static final String TIME = "12:00:00";

    private SyntheticKeywords() {
    }

    static void jwst(Header header, ExposureSpec spec) throws FitsException {
        header.addValue("TELESCOP", "JWST", "synthetic exposure (./pixeldb synth)");
        header.addValue("INSTRUME", "MIRI", "");
        header.addValue("DETECTOR", spec.detector(), "");
        header.addValue("EXP_TYPE", "MIR_DARKIMG", "");
        header.addValue("READPATT", "FAST", "");
        header.addValue("SUBARRAY", spec.subarray().name(), "");
        header.addValue("SUBSTRT1", spec.subarray().substrt1(), "");
        header.addValue("SUBSTRT2", spec.subarray().substrt2(), "");
        header.addValue("SUBSIZE1", spec.nx(), "");
        header.addValue("SUBSIZE2", spec.ny(), "");
        header.addValue("NINTS", spec.nints(), "");
        header.addValue("NGROUPS", spec.ngroups(), "");
        header.addValue("NFRAMES", 1, "");
        header.addValue("GROUPGAP", 0, "");
        timing(header, spec);
        String date = spec.scene().dateObs().toString();
        header.addValue("DATE-OBS", date, "");
        header.addValue("TIME-OBS", TIME, "");
        header.addValue("DATE-END", date, "");
        header.addValue("TIME-END", TIME, "");
        header.addValue("SEED", spec.seed(), "seed of the synthetic ramps");
        header.addValue("SYNFLAT", spec.scene().flatRate(), "synthetic flat field, DN per group; 0: the sky");
    }

    static void jpl(Header header, ExposureSpec spec) throws FitsException {
        header.addValue("ROWSTART", spec.subarray().substrt2(), "array row start pixel number");
        // JPL's COLSTART is known to be wrong; the splitter corrects it as int(0.2*COLSTART + 0.8).
        header.addValue("COLSTART", 5 * ((spec.subarray().substrt1() + 3) / 4) - 4, "array column start pixel number");
        header.addValue("ORIGIN", "JPL", "synthetic exposure (./pixeldb synth)");
        header.addValue("INSTRUME", "MIRI", "");
        header.addValue("DATE_OBS", spec.scene().dateObs().toString(), "");
        header.addValue("TIME_OBS", TIME, "");
        header.addValue("DATE_END", "yyyy-mm-dd", "");
        header.addValue("TIME_END", "hh:mm:ss", "");
        header.addValue("SCA_ID", 20, "");
        header.addValue("DETECTOR", "IC", "");
        header.addValue("NFRAME", 1, "");
        header.addValue("NGROUPS", spec.ngroups(), "");
        header.addValue("NINT", spec.nints(), "");
        timing(header, spec);
        header.addValue("SEED", spec.seed(), "seed of the synthetic ramps");
    }

    private static void timing(Header header, ExposureSpec spec) throws FitsException {
        double tframe = spec.tframe();
        header.addValue("TFRAME", tframe, "[s]");
        header.addValue("TGROUP", tframe, "[s]");
        header.addValue("INTTIME", tframe * spec.ngroups(), "[s]");
        header.addValue("EXPTIME", tframe * spec.ngroups() * spec.nints(), "[s]");
    }
}
