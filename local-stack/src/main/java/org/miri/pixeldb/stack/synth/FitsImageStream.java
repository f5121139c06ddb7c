package org.miri.pixeldb.stack.synth;

import java.io.IOException;
import nom.tam.fits.FitsException;
import nom.tam.fits.FitsUtil;
import nom.tam.fits.Header;
import nom.tam.fits.header.Standard;
import nom.tam.util.FitsOutputStream;

/**
 * Writes one HDU of unsigned 16-bit samples (stored as BITPIX 16 with BZERO 32768) without holding
 * its data: the header through nom-tam-fits, then the samples in the order the caller streams them,
 * then the padding to the 2880-byte block.
 */
final class FitsImageStream {

    private final FitsOutputStream out;
    private long written;

    FitsImageStream(FitsOutputStream out, Header header) throws FitsException, IOException {
        this.out = out;
        header.addValue(Standard.BZERO, 32768);
        header.addValue(Standard.BSCALE, 1);
        header.write(out);
    }

    /**
     * SIMPLE = T with a fixed comment: nom-tam-fits would otherwise write the current time into it, and
     * the same seed must write the same bytes.
     */
    static void simple(Header header) throws FitsException {
        header.addValue(Standard.SIMPLE, true);
        header.findCard(Standard.SIMPLE).setComment("conforms to FITS standard");
    }

    static Header imageHeader(boolean primary, String extname, int... axesFastestFirst) throws FitsException {
        Header header = new Header();
        if (primary) {
            simple(header);
        } else {
            header.addValue(Standard.XTENSION, "IMAGE");
        }
        header.addValue(Standard.BITPIX, 16);
        header.addValue(Standard.NAXIS, axesFastestFirst.length);
        for (int i = 0; i < axesFastestFirst.length; i++) {
            header.addValue(Standard.NAXISn.n(i + 1), axesFastestFirst[i]);
        }
        if (primary) {
            header.addValue(Standard.EXTEND, true);
        } else {
            header.addValue(Standard.PCOUNT, 0);
            header.addValue(Standard.GCOUNT, 1);
            header.addValue(Standard.EXTNAME, extname);
        }
        return header;
    }

    /** One unsigned sample, 0..65535. */
    void write(int sample) throws IOException {
        out.writeShort(sample - 32768);
        written += 2;
    }

    void finish() throws FitsException, IOException {
        FitsUtil.pad(out, written);
        out.flush();
    }
}
