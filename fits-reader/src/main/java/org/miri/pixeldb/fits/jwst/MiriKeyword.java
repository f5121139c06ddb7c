package org.miri.pixeldb.fits.jwst;

import nom.tam.fits.header.FitsKey;
import nom.tam.fits.header.IFitsHeader;

/**
 * Every product keyword the splitter reads, typed, so that no keyword is spelled twice. FITS structural keywords
 * (BITPIX, NAXISn, BZERO, ...) come from {@link nom.tam.fits.header.Standard}. JPL and OTIS ground-test files spell
 * several JWST keywords differently; those constants carry a prefix naming the campaign.
 */
public enum MiriKeyword implements IFitsHeader {
    // JWST (flight, and the JWST layout of converted ground-test data)
    INSTRUME(Source.JWST, VALUE.STRING), ORIGIN(Source.JWST, VALUE.STRING), EXTNAME(Source.JWST, VALUE.STRING),
    DETECTOR(Source.JWST, VALUE.STRING), SCA_ID(Source.JWST, VALUE.INTEGER), EXP_TYPE(Source.JWST, VALUE.STRING),
    NINTS(Source.JWST, VALUE.INTEGER), NGROUPS(Source.JWST, VALUE.INTEGER), NFRAMES(Source.JWST, VALUE.INTEGER),
    GROUPGAP(Source.JWST, VALUE.INTEGER), TFRAME(Source.JWST, VALUE.REAL), TGROUP(Source.JWST, VALUE.REAL),
    INTTIME(Source.JWST, VALUE.REAL), EFFINTTM(Source.JWST, VALUE.REAL),
    EXPTIME(Source.JWST, VALUE.REAL), EFFEXPTM(Source.JWST, VALUE.REAL),
    READPATT(Source.JWST, VALUE.STRING), SUBARRAY(Source.JWST, VALUE.STRING),
    SUBSTRT1(Source.JWST, VALUE.INTEGER), SUBSTRT2(Source.JWST, VALUE.INTEGER),
    SUBSIZE1(Source.JWST, VALUE.INTEGER), SUBSIZE2(Source.JWST, VALUE.INTEGER),
    DATE_OBS("DATE-OBS", Source.JWST, VALUE.STRING), TIME_OBS("TIME-OBS", Source.JWST, VALUE.STRING),
    DATE_BEG("DATE-BEG", Source.JWST, VALUE.STRING),
    DATE_END("DATE-END", Source.JWST, VALUE.STRING), TIME_END("TIME-END", Source.JWST, VALUE.STRING),
    // Pipeline provenance of corrected and slope products; PipelineProvenance reads the varying S_* and R_* keywords
    CAL_VER(Source.JWST, VALUE.STRING), CAL_VCS(Source.JWST, VALUE.STRING),
    CRDS_VER(Source.JWST, VALUE.STRING), CRDS_CTX(Source.JWST, VALUE.STRING),

    // JPL ground-test raw files
    JPL_NINT("NINT", Source.JPL, VALUE.INTEGER), JPL_NGROUP("NGROUP", Source.JPL, VALUE.INTEGER),
    JPL_NFRAME("NFRAME", Source.JPL, VALUE.INTEGER),
    JPL_DATE_OBS("DATE_OBS", Source.JPL, VALUE.STRING), JPL_TIME_OBS("TIME_OBS", Source.JPL, VALUE.STRING),
    JPL_DATE_END("DATE_END", Source.JPL, VALUE.STRING), JPL_TIME_END("TIME_END", Source.JPL, VALUE.STRING),
    JPL_ROWSTART("ROWSTART", Source.JPL, VALUE.INTEGER), JPL_COLSTART("COLSTART", Source.JPL, VALUE.INTEGER),
    /** JPL's own DETECTOR and SCA_ID, as the prototype's converter kept them in JWST-layout files. */
    JPL_DET_JPL("DET_JPL", Source.JPL, VALUE.STRING), JPL_SCAIDJPL("SCAIDJPL", Source.JPL, VALUE.INTEGER),

    // OTIS ground-test raw files
    OTIS_COLCORNR("COLCORNR", Source.OTIS, VALUE.INTEGER), OTIS_ROWCORNR("ROWCORNR", Source.OTIS, VALUE.INTEGER),
    OTIS_NREFIMG("NREFIMG", Source.OTIS, VALUE.INTEGER), OTIS_READOUT("READOUT", Source.OTIS, VALUE.STRING);

    /** Who defined the keyword; only used to document it in nom-tam-fits' terms. */
    private enum Source { JWST, JPL, OTIS }

    private final FitsKey key;

    MiriKeyword(Source source, VALUE type) {
        this(null, source, type);
    }

    MiriKeyword(String fitsName, Source source, VALUE type) {
        this.key = new FitsKey(fitsName == null ? name() : fitsName,
                source == Source.JWST ? SOURCE.STScI : SOURCE.UNKNOWN, HDU.ANY, type, source + " keyword");
    }

    @Override
    public final FitsKey impl() {
        return key;
    }
}
