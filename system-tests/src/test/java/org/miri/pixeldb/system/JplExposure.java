package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;

/**
 * The shared JPL8 SUB64 exposure (5 integrations of 50 groups, 64 rows of 72 columns from row 779) and
 * what the database must hold of it: every ramp, each sample equal to the file's, read independently
 * from the converted {@code _pipe.fits} with nom-tam-fits.
 */
final class JplExposure {

    static final String NAME = "MIRI_5582_89_S_20180308-010230_SCE1";
    static final Path DATA = Path.of(System.getProperty("pixeldb.shared.data", "../shared/data"), "jpl8-sub64");
    static final int RAMPS = 5 * 64 * 72;

    /** SCI of the converted file, [integration][group][y][x], unsigned. */
    private final int[][][][] sci;

    private JplExposure(int[][][][] sci) {
        this.sci = sci;
    }

    static boolean available() {
        return Files.isDirectory(DATA);
    }

    static String absentMessage() {
        return "the shared JPL8 exposure is not at " + DATA.toAbsolutePath() + " (-Dpixeldb.shared.data); skipping";
    }

    /** The raw file as the instrument wrote it: what users drop into the bucket. */
    static Path rawFile() {
        return DATA.resolve(NAME + ".fits");
    }

    static JplExposure read() throws Exception {
        return new JplExposure(unsigned(DATA.resolve(NAME + "_pipe.fits"), "SCI"));
    }

    void assertEverySampleEqualsTheFile(Connection db, String exposure) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "select integration, row, col, samples from raw_ramp_v where exposure = ?")) {
            query.setString(1, exposure);
            int ramps = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Integer[] samples = (Integer[]) rows.getArray(4).getArray();
                    assertArrayEquals(ramp(rows.getInt(1), rows.getInt(2), rows.getInt(3)),
                            Arrays.stream(samples).mapToInt(Integer::intValue).toArray(),
                            "integration " + rows.getInt(1) + " row " + rows.getInt(2) + " col " + rows.getInt(3));
                    ramps++;
                }
            }
            assertEquals(RAMPS, ramps);
        }
    }

    /** The file's ramp of a pixel: integration 1-based, full-frame row and column. */
    int[] ramp(int integration, int row, int col) {
        int[] ramp = new int[sci[0].length];
        for (int g = 0; g < ramp.length; g++) {
            ramp[g] = sci[integration - 1][g][row - 779][col - 1];
        }
        return ramp;
    }

    /** An extension's 4-D uint16 image, read whole (the file is small) with nom-tam-fits. */
    static int[][][][] unsigned(Path file, String extname) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            for (int i = 1; ; i++) {
                var hdu = fits.getHDU(i);
                if (extname.equals(hdu.getHeader().getStringValue("EXTNAME"))) {
                    short[][][][] raw = (short[][][][]) ((ImageHDU) hdu).getKernel();
                    int[][][][] values = new int[raw.length][raw[0].length][raw[0][0].length][raw[0][0][0].length];
                    for (int a = 0; a < raw.length; a++) {
                        for (int b = 0; b < raw[a].length; b++) {
                            for (int c = 0; c < raw[a][b].length; c++) {
                                for (int d = 0; d < raw[a][b][c].length; d++) {
                                    values[a][b][c][d] = raw[a][b][c][d] + 32768;
                                }
                            }
                        }
                    }
                    return values;
                }
            }
        }
    }
}
