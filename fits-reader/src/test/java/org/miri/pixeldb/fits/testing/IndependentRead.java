package org.miri.pixeldb.fits.testing;

import java.nio.file.Path;
import nom.tam.fits.Fits;
import org.miri.pixeldb.fits.jwst.RawPixelType;

/**
 * Reads a whole small file with plain nom-tam-fits, as a reference the splitter's streaming reads are compared with.
 * Values are unsigned: the stored int16 plus BZERO 32768.
 */
public final class IndependentRead {

    private IndependentRead() {
    }

    /** An image extension of a JWST file, [int][group][row][col]. */
    public static int[][][][] extension(Path file, String extname) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            return unsigned((short[][][][]) fits.getHDU(extname).getKernel());
        }
    }

    /** The primary frame stack of a ground-test file, [frame][row][col]. */
    public static int[][][] primaryFrames(Path file) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            short[][][] stored = (short[][][]) fits.getHDU(0).getKernel();
            int[][][] values = new int[stored.length][][];
            for (int f = 0; f < stored.length; f++) {
                values[f] = new int[stored[f].length][];
                for (int y = 0; y < stored[f].length; y++) {
                    values[f][y] = new int[stored[f][y].length];
                    for (int x = 0; x < stored[f][y].length; x++) {
                        values[f][y][x] = stored[f][y][x] + RawPixelType.BZERO;
                    }
                }
            }
            return values;
        }
    }

    private static int[][][][] unsigned(short[][][][] stored) {
        int[][][][] values = new int[stored.length][][][];
        for (int i = 0; i < stored.length; i++) {
            values[i] = new int[stored[i].length][][];
            for (int g = 0; g < stored[i].length; g++) {
                values[i][g] = new int[stored[i][g].length][];
                for (int y = 0; y < stored[i][g].length; y++) {
                    values[i][g][y] = new int[stored[i][g][y].length];
                    for (int x = 0; x < stored[i][g][y].length; x++) {
                        values[i][g][y][x] = stored[i][g][y][x] + RawPixelType.BZERO;
                    }
                }
            }
        }
        return values;
    }
}
