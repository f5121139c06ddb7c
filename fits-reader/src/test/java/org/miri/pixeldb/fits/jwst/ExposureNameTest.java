package org.miri.pixeldb.fits.jwst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.miri.pixeldb.fits.structure.RejectedProductException;

class ExposureNameTest {

    @ParameterizedTest
    @CsvSource({"X_uncal.fits, X", "X_pipe.fits, X", "X.fits, X", "X_ramp.fits, X", "X_pipe_ramp.fits, X",
        "X_rateints.fits, X", "X_pipe_rateints.fits, X", "X_rate.fits, X", "X_pipe_rate.fits, X",
        "incoming/2018/03/X_uncal.fits, X",
        "jw01024001001_02101_00001_mirimage_uncal.fits, jw01024001001_02101_00001_mirimage",
        "jpl8/MIRI_5582_89_S_20180308-010230_SCE1.fits, MIRI_5582_89_S_20180308-010230_SCE1",
        "MIRI_5582_89_S_20180308-010230_SCE1_pipe_ramp.fits, MIRI_5582_89_S_20180308-010230_SCE1",
        "MIRI_5582_89_S_20180308-010230_SCE1_pipe_rateints.fits, MIRI_5582_89_S_20180308-010230_SCE1",
        "a+b.v2-c_rate.fits, a+b.v2-c"})
    void isTheFileStemWithoutTheProductSuffix(String key, String name) throws RejectedProductException {
        assertEquals(name, ExposureName.fromObjectKey(key));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../x.fits | object key '../x.fits' has a '..' path segment",
        "a/b/../../c_uncal.fits | object key 'a/b/../../c_uncal.fits' has a '..' path segment",
        "./x_uncal.fits | object key './x_uncal.fits' has a '.' path segment",
        "..\\x.fits | file name '..\\x.fits' has characters outside [A-Za-z0-9._+-]",
        "my exposure_uncal.fits | file name 'my exposure_uncal.fits' has characters outside [A-Za-z0-9._+-]",
        "détecteur_uncal.fits | file name 'détecteur_uncal.fits' has characters outside [A-Za-z0-9._+-]",
        "x\u2215y_uncal.fits | file name 'x\u2215y_uncal.fits' has characters outside [A-Za-z0-9._+-]",
        "X_uncal.fits.gz | file name 'X_uncal.fits.gz' does not end in .fits",
        "incoming/ | object key 'incoming/' ends in '/': it names no file",
        "_uncal.fits | file name '_uncal.fits' leaves no usable exposure name (''): it must be 1-200 characters, "
            + "not starting with '.'",
        ".hidden_uncal.fits | file name '.hidden_uncal.fits' leaves no usable exposure name ('.hidden'): it must be "
            + "1-200 characters, not starting with '.'"})
    void rejectsPathTricksAndUnusualCharacters(String key, String reason) {
        RejectedProductException rejected = assertThrows(RejectedProductException.class,
                () -> ExposureName.fromObjectKey(key));
        assertEquals(reason, rejected.reason());
    }
}
