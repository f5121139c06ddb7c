package org.miri.pixeldb.stack.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;

/**
 * A written product read back whole with plain nom-tam-fits, by EXTNAME, independently of the offsets
 * the writer computed. uint32 arrays are returned as the unsigned values: stored int + BZERO.
 */
final class ReadBack implements AutoCloseable {

    private final Fits fits;
    private final BasicHDU<?>[] hdus;

    ReadBack(Path file) throws Exception {
        fits = new Fits(file.toFile());
        hdus = fits.read();
    }

    Header primary() {
        return hdus[0].getHeader();
    }

    List<String> extensions() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < hdus.length; i++) {
            names.add(hdus[i].getHeader().getStringValue("EXTNAME"));
        }
        return names;
    }

    Header header(String extname) throws Exception {
        return hdu(extname).getHeader();
    }

    Object kernel(String extname) throws Exception {
        return hdu(extname).getKernel();
    }

    /** A (ny, nx) uint32 array such as PIXELDQ. */
    long[][] unsigned2(String extname) throws Exception {
        return unsigned((int[][]) kernel(extname), header(extname));
    }

    /** A (nints, ny, nx) uint32 array such as the rateints DQ. */
    long[][][] unsigned3(String extname) throws Exception {
        int[][][] stored = (int[][][]) kernel(extname);
        long[][][] values = new long[stored.length][][];
        for (int i = 0; i < stored.length; i++) {
            values[i] = unsigned(stored[i], header(extname));
        }
        return values;
    }

    private static long[][] unsigned(int[][] stored, Header header) {
        long bzero = header.getLongValue("BZERO");
        long[][] values = new long[stored.length][stored[0].length];
        for (int y = 0; y < stored.length; y++) {
            for (int x = 0; x < stored[y].length; x++) {
                values[y][x] = stored[y][x] + bzero;
            }
        }
        return values;
    }

    private BasicHDU<?> hdu(String extname) throws Exception {
        BasicHDU<?> hdu = fits.getHDU(extname);
        if (hdu == null) {
            throw new AssertionError("no " + extname + " extension");
        }
        return hdu;
    }

    @Override
    public void close() throws Exception {
        fits.close();
    }
}
