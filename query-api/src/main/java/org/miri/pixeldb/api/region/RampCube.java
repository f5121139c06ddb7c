package org.miri.pixeldb.api.region;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.miri.pixeldb.api.format.FitsOutput;
import org.miri.pixeldb.api.format.Packed;

/**
 * Collects a region's ramps into FITS image cubes in numpy order (integration, group, row, col): raw samples as
 * uint16 (int16 + BZERO 32768, as in the files), corrected SCI and ERR as float32 and GROUPDQ as uint8 extensions.
 * The region's corner and size are SUBSTRT1/2 and SUBSIZE1/2, its integrations INTSTART/INTEND.
 */
final class RampCube implements RampVisitor {

    private final Region region;
    private final int ngroups;
    private final short[][][][] raw;
    private final float[][][][] sci;
    private final float[][][][] err;
    private final byte[][][][] groupdq;
    private boolean hasErr;

    RampCube(Region region, int ngroups) {
        this.region = region;
        this.ngroups = ngroups;
        int n = region.integrations().size();
        int rows = region.rows().size();
        int cols = region.cols().size();
        boolean corrected = region.kind() == RegionKind.CORRECTED;
        raw = corrected ? null : new short[n][ngroups][rows][cols];
        sci = corrected ? new float[n][ngroups][rows][cols] : null;
        err = corrected ? new float[n][ngroups][rows][cols] : null;
        groupdq = corrected ? new byte[n][ngroups][rows][cols] : null;
    }

    @Override
    public void ramp(int integration, int row, int col, byte[][] strip, int index) {
        int i = integration - region.integrations().first();
        int y = row - region.rows().first();
        int x = col - region.cols().first();
        int base = index * ngroups;
        for (int g = 0; g < ngroups; g++) {
            if (raw != null) {
                raw[i][g][y][x] = (short) (Packed.uint16(strip[0], base + g) - 32768);
            } else {
                sci[i][g][y][x] = Packed.float32(strip[0], base + g);
                if (strip[1] != null) {
                    hasErr = true;
                    err[i][g][y][x] = Packed.float32(strip[1], base + g);
                }
                groupdq[i][g][y][x] = strip[2][base + g];
            }
        }
    }

    List<BasicHDU<?>> hdus(String exposure, String headerJson) throws IOException {
        try {
            List<BasicHDU<?>> hdus = new ArrayList<>();
            BasicHDU<?> primary = Fits.makeHDU(raw != null ? raw : sci);
            Header header = primary.getHeader();
            if (raw != null) {
                header.addValue("BZERO", 32768, "stored int16 + 32768 = uint16 DN");
                header.addValue("BSCALE", 1, "");
            }
            describe(header, exposure, region.kind() == RegionKind.CORRECTED ? "SCI" : region.kind().name());
            FitsOutput.declareLongStrings(header);
            FitsOutput.copyCards(headerJson, header);
            hdus.add(primary);
            if (sci != null) {
                if (hasErr) {
                    hdus.add(extension(err, "ERR", exposure));
                }
                hdus.add(extension(groupdq, "GROUPDQ", exposure));
            }
            return hdus;
        } catch (FitsException e) {
            throw new IOException("cannot build FITS: " + e.getMessage(), e);
        }
    }

    private BasicHDU<?> extension(Object data, String name, String exposure) throws FitsException {
        BasicHDU<?> hdu = Fits.makeHDU(data);
        describe(hdu.getHeader(), exposure, name);
        return hdu;
    }

    private void describe(Header header, String exposure, String content) {
        header.addValue("EXTNAME", content, "what the array holds");
        header.addValue("PIXDBEXP", exposure, "exposure");
        boolean refout = region.kind() == RegionKind.REFOUT;
        header.addValue("SUBSTRT1", region.cols().first(), refout ? "first reference-output column" : "first column");
        header.addValue("SUBSTRT2", region.rows().first(), "first full-frame row of the region, 1-based");
        header.addValue("SUBSIZE1", region.cols().size(), "columns in the region");
        header.addValue("SUBSIZE2", region.rows().size(), "rows in the region");
        header.addValue("INTSTART", region.integrations().first(), "first integration, 1-based");
        header.addValue("INTEND", region.integrations().last(), "last integration");
        header.addValue("NGROUPS", ngroups, "groups per integration");
    }
}
