package org.miri.pixeldb.stack.synth;

import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.header.Standard;

/** Headers of the corrected products' HDUs, card for card in the order of the pipeline's own files. */
final class HduHeaders {

    static final int FLOAT32 = -32;
    static final int UINT8 = 8;
    static final int UINT32 = 32;
    private static final String[] INT_TIMES_COLUMNS = {"integration_number", "int_start_MJD_UTC", "int_mid_MJD_UTC",
        "int_end_MJD_UTC", "int_start_BJD_TDB", "int_mid_BJD_TDB", "int_end_BJD_TDB"};

    private HduHeaders() {
    }

    /** A header-only primary HDU; the caller adds the exposure keywords. */
    static Header primary() throws FitsException {
        Header header = new Header();
        FitsImageStream.simple(header);
        header.addValue(Standard.BITPIX, 8);
        header.addValue(Standard.NAXIS, 0);
        header.addValue(Standard.EXTEND, true);
        return header;
    }

    /**
     * An IMAGE extension. UINT32 is stored as BITPIX 32 with BZERO 2147483648 (FITS has no unsigned
     * type); UINT8 is FITS's native unsigned byte.
     */
    static Header image(String extname, int type, String bunit, int... axesFastestFirst) throws FitsException {
        Header header = new Header();
        header.addValue(Standard.XTENSION, "IMAGE");
        header.addValue(Standard.BITPIX, type);
        header.addValue(Standard.NAXIS, axesFastestFirst.length);
        for (int i = 0; i < axesFastestFirst.length; i++) {
            header.addValue(Standard.NAXISn.n(i + 1), axesFastestFirst[i]);
        }
        header.addValue(Standard.PCOUNT, 0);
        header.addValue(Standard.GCOUNT, 1);
        if (type == UINT32) {
            header.addValue(Standard.BSCALE, 1);
            header.addValue(Standard.BZERO, 2147483648L);
        }
        header.addValue(Standard.EXTNAME, extname);
        if (bunit != null) {
            header.addValue(Standard.BUNIT, bunit);
        }
        return header;
    }

    /**
     * INT_TIMES with the pipeline's seven columns and no rows, as in the real JPL8 rateints file:
     * ground-test exposures have no per-integration times, and the database does not read them.
     */
    static Header intTimes() throws FitsException {
        Header header = new Header();
        header.addValue(Standard.XTENSION, "BINTABLE");
        header.addValue(Standard.BITPIX, 8);
        header.addValue(Standard.NAXIS, 2);
        header.addValue(Standard.NAXISn.n(1), 4 + 8 * (INT_TIMES_COLUMNS.length - 1));
        header.addValue(Standard.NAXISn.n(2), 0);
        header.addValue(Standard.PCOUNT, 0);
        header.addValue(Standard.GCOUNT, 1);
        header.addValue(Standard.TFIELDS, INT_TIMES_COLUMNS.length);
        header.addValue(Standard.EXTNAME, "INT_TIMES");
        for (int i = 0; i < INT_TIMES_COLUMNS.length; i++) {
            header.addValue(Standard.TTYPEn.n(i + 1), INT_TIMES_COLUMNS[i]);
            header.addValue(Standard.TFORMn.n(i + 1), i == 0 ? "J" : "D");
        }
        return header;
    }

    /** Bytes of the data unit before padding: |BITPIX|/8 x NAXIS1 x ... (no PCOUNT/GCOUNT here). */
    static long dataBytes(Header header) {
        int axes = header.getIntValue(Standard.NAXIS);
        if (axes == 0) {
            return 0;
        }
        long bytes = Math.abs(header.getIntValue(Standard.BITPIX)) / 8;
        for (int i = 1; i <= axes; i++) {
            bytes *= header.getLongValue(Standard.NAXISn.n(i));
        }
        return bytes;
    }
}
