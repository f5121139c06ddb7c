package org.miri.pixeldb.api.region;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import nom.tam.fits.BasicHDU;
import org.miri.pixeldb.api.format.FloatJsonModule;
import org.miri.pixeldb.api.format.FloatText;
import org.miri.pixeldb.api.format.Packed;

/**
 * The slope images of a region, planes (integration, or the one RATE plane) x rows x cols, for JSON (nested arrays
 * as numpy reads them), CSV (one line per pixel) and FITS (SCI, ERR, DQ, VAR_POISSON, VAR_RNOISE images).
 */
final class SlopeImages implements RampVisitor {

    /** Memory per pixel and plane while assembled: SCI, ERR, VAR_POISSON, VAR_RNOISE as float, DQ as long. */
    static final long BYTES_PER_VALUE = 4L * Float.BYTES + Long.BYTES;

    static final String[] NAMES = {"SCI", "ERR", "DQ", "VAR_POISSON", "VAR_RNOISE"};
    private final Region region;
    private final boolean rate;
    private final float[][][][] floats; // sci, err, varPoisson, varRnoise
    private final long[][][] dq;

    SlopeImages(Region region, boolean rate) {
        this.region = region;
        this.rate = rate;
        int planes = rate ? 1 : region.integrations().size();
        floats = new float[4][planes][region.rows().size()][region.cols().size()];
        dq = new long[planes][region.rows().size()][region.cols().size()];
    }

    @Override
    public void ramp(int integration, int row, int col, byte[][] strip, int index) {
        int p = rate ? 0 : integration - region.integrations().first();
        int y = row - region.rows().first();
        int x = col - region.cols().first();
        floats[0][p][y][x] = Packed.float32(strip[0], index);
        floats[1][p][y][x] = Packed.float32(strip[1], index);
        dq[p][y][x] = Packed.uint32(strip[2], index);
        floats[2][p][y][x] = Packed.float32(strip[3], index);
        floats[3][p][y][x] = Packed.float32(strip[4], index);
    }

    private Integer integration(int plane) {
        return rate ? null : region.integrations().first() + plane;
    }

    void json(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("planes");
        for (int p = 0; p < dq.length; p++) {
            json.writeStartObject();
            if (integration(p) == null) {
                json.writeNullField("integration");
            } else {
                json.writeNumberField("integration", integration(p));
            }
            String[] fields = {"sci", "err", "varPoisson", "varRnoise"};
            for (int f = 0; f < 4; f++) {
                json.writeArrayFieldStart(fields[f]);
                for (float[] row : floats[f][p]) {
                    json.writeStartArray();
                    for (float value : row) {
                        FloatJsonModule.write(json, value);
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
            }
            json.writeFieldName("dq");
            json.writeObject(dq[p]);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    void csv(Writer out) throws IOException {
        out.write("integration,row,col,sci,err,dq,var_poisson,var_rnoise\n");
        for (int p = 0; p < dq.length; p++) {
            for (int y = 0; y < dq[p].length; y++) {
                for (int x = 0; x < dq[p][y].length; x++) {
                    out.write((integration(p) == null ? "" : integration(p)) + "," + (region.rows().first() + y) + ","
                            + (region.cols().first() + x) + "," + FloatText.csv(floats[0][p][y][x]) + ","
                            + FloatText.csv(floats[1][p][y][x]) + "," + dq[p][y][x] + ","
                            + FloatText.csv(floats[2][p][y][x]) + "," + FloatText.csv(floats[3][p][y][x]) + "\n");
                }
            }
        }
    }

    /** The images as FITS extensions after a primary HDU with the exposure's keywords. */
    List<BasicHDU<?>> hdus(String exposure, String headerJson) throws IOException {
        return SlopeFits.hdus(region, floats, dq, exposure, headerJson);
    }
}
