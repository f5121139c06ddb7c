package org.miri.pixeldb.fits.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import nom.tam.fits.header.IFitsHeader;
import org.miri.pixeldb.fits.jwst.MiriKeyword;

/** The primary keywords a synthetic exposure starts from, per layout, as real files of that layout carry them. */
final class SyntheticKeywords {

    private SyntheticKeywords() {
    }

    static Map<IFitsHeader, Object> of(SyntheticExposure e) {
        Map<IFitsHeader, Object> k = new LinkedHashMap<>();
        k.put(MiriKeyword.INSTRUME, "MIRI");
        k.put(MiriKeyword.TFRAME, 2.775);
        k.put(MiriKeyword.TGROUP, 2.775);
        switch (e.layout) {
            case JWST -> {
                k.put(MiriKeyword.ORIGIN, "STSCI");
                k.put(MiriKeyword.DETECTOR, "MIRIFUSHORT");
                k.put(MiriKeyword.SCA_ID, 495);
                k.put(MiriKeyword.EXP_TYPE, "MIR_DARKMRS");
                k.put(MiriKeyword.NINTS, e.nints);
                k.put(MiriKeyword.NGROUPS, e.ngroups);
                k.put(MiriKeyword.NFRAMES, 1);
                k.put(MiriKeyword.GROUPGAP, 0);
                k.put(MiriKeyword.READPATT, "SLOWR1");
                k.put(MiriKeyword.SUBARRAY, "GENERIC");
                k.put(MiriKeyword.SUBSTRT1, 5);
                k.put(MiriKeyword.SUBSTRT2, 101);
                k.put(MiriKeyword.SUBSIZE1, e.cols);
                k.put(MiriKeyword.SUBSIZE2, e.rows);
                k.put(MiriKeyword.DATE_OBS, "2022-06-20");
                k.put(MiriKeyword.TIME_OBS, "10:11:12.345678");
                k.put(MiriKeyword.DATE_END, "2022-06-20T10:12:00.5");
            }
            case JPL -> {
                k.put(MiriKeyword.ORIGIN, "JPL");
                k.put(MiriKeyword.DETECTOR, "IC");
                k.put(MiriKeyword.SCA_ID, 20);
                k.put(MiriKeyword.JPL_NINT, e.nints);
                k.put(MiriKeyword.NGROUPS, e.ngroups);
                k.put(MiriKeyword.JPL_NFRAME, 1);
                k.put(MiriKeyword.JPL_ROWSTART, 19);
                k.put(MiriKeyword.JPL_COLSTART, 6);
                k.put(MiriKeyword.JPL_DATE_OBS, "2018-03-08");
                k.put(MiriKeyword.JPL_TIME_OBS, "01:02:30");
                k.put(MiriKeyword.JPL_DATE_END, "yyyy-mm-dd");
                k.put(MiriKeyword.JPL_TIME_END, "hh:mm:ss");
            }
            case OTIS -> {
                k.put(MiriKeyword.ORIGIN, "OTIS");
                k.put(MiriKeyword.DETECTOR, "MIRIFULONG");
                k.put(MiriKeyword.SCA_ID, 494);
                k.put(MiriKeyword.NINTS, e.nints);
                k.put(MiriKeyword.NGROUPS, e.ngroups);
                k.put(MiriKeyword.NFRAMES, 1);
                k.put(MiriKeyword.OTIS_COLCORNR, 413);
                k.put(MiriKeyword.OTIS_ROWCORNR, 51);
                k.put(MiriKeyword.OTIS_NREFIMG, e.rows / 4);
                k.put(MiriKeyword.OTIS_READOUT, "SLOW");
            }
        }
        return k;
    }
}
