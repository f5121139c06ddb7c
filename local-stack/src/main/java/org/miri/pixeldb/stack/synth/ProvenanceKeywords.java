package org.miri.pixeldb.stack.synth;

import nom.tam.fits.FitsException;
import nom.tam.fits.Header;

/**
 * The primary header of a corrected product: the exposure keywords of its uncal file, then the
 * pipeline provenance the real JPL8 ramp file carries (CAL_VER, CRDS context, S_* step statuses,
 * R_* reference files). The statuses say what the synthetic correction really did: the steps it
 * imitates are COMPLETE, the ones it does not (dark, RSCD, reference pixels, IPC) SKIPPED.
 */
final class ProvenanceKeywords {

    private ProvenanceKeywords() {
    }

    static Header primary(ExposureSpec spec, boolean jplOrigin, String fileName, String dataModel, boolean rampFit)
            throws FitsException {
        Header header = HduHeaders.primary();
        header.addValue("FILENAME", fileName, "name of the file");
        header.addValue("DATAMODL", dataModel, "type of data model");
        if (jplOrigin) {
            // Like the JPL8 _pipe_ramp file: JWST keywords, JPL's own detector name and number kept aside.
            header.addValue("ORIGIN", "JPL", "organization responsible for creating file");
            header.addValue("DET_JPL", "IC", "");
            header.addValue("SCAIDJPL", 20, "");
        }
        SyntheticKeywords.jwst(header, spec);
        header.addValue("CAL_VER", "1.14.0", "pipeline version imitated by ./pixeldb synth");
        header.addValue("CAL_VCS", "RELEASE", "calibration software version control sys number");
        header.addValue("CRDS_VER", "11.17.14", "version of CRDS file selection software used");
        header.addValue("CRDS_CTX", "jwst_1241.pmap", "CRDS context (.pmap) used to select ref files");
        String[][] steps = {{"S_DQINIT", "COMPLETE"}, {"S_SATURA", "COMPLETE"}, {"S_IPC", "SKIPPED"},
            {"S_FRSTFR", status(GroupDqModel.flagsFirstGroup(spec.ngroups()))},
            {"S_LASTFR", status(GroupDqModel.flagsLastGroup(spec.ngroups()))}, {"S_RESET", "SKIPPED"},
            {"S_LINEAR", "COMPLETE"}, {"S_RSCD", "SKIPPED"}, {"S_DARK", "SKIPPED"}, {"S_REFPIX", "SKIPPED"},
            {"S_JUMP", "COMPLETE"}, {"S_GRPSCL", "SKIPPED"}};
        for (String[] step : steps) {
            header.addValue(step[0], step[1], "");
        }
        if (rampFit) {
            header.addValue("S_RAMP", "COMPLETE", "ramp fitting");
        }
        // Reference-file names are long: a comment would spill into a CONTINUE card.
        header.addValue("R_MASK", "crds://jwst_miri_mask_0023.fits", "");
        header.addValue("R_SATURA", "crds://jwst_miri_saturation_0034.fits", "");
        header.addValue("R_LINEAR", "crds://jwst_miri_linearity_0032.fits", "");
        header.addValue("R_GAIN", "crds://jwst_miri_gain_0008.fits", "");
        header.addValue("R_READNO", "crds://jwst_miri_readnoise_0085.fits", "");
        return header;
    }

    private static String status(boolean done) {
        return done ? "COMPLETE" : "SKIPPED";
    }
}
