package org.miri.pixeldb.api.region;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
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

    private final Region region;
    private final boolean rate;
    private final float[][][][] floats; // sci, err, varPoisson, varRnoise
    private final long[][][] dq;
    private final Set<SlopePlane> planes;

    SlopeImages(Region region, boolean rate, Set<SlopePlane> planes) {
        this.region = region;
        this.rate = rate;
        this.planes = planes;
        int images = rate ? 1 : region.integrations().size();
        floats = new float[4][images][region.rows().size()][region.cols().size()];
        dq = new long[images][region.rows().size()][region.cols().size()];
    }

    @Override
    public void ramp(int integration, int row, int col, byte[][] strip, int index) {
        int p = rate ? 0 : integration - region.integrations().first();
        int y = row - region.rows().first();
        int x = col - region.cols().first();
        // Planes not asked for were not read (RegionRepository#slopes): their strips are null.
        floats[0][p][y][x] = strip[0] == null ? 0 : Packed.float32(strip[0], index);
        floats[1][p][y][x] = strip[1] == null ? 0 : Packed.float32(strip[1], index);
        dq[p][y][x] = strip[2] == null ? 0 : Packed.uint32(strip[2], index);
        floats[2][p][y][x] = strip[3] == null ? 0 : Packed.float32(strip[3], index);
        floats[3][p][y][x] = strip[4] == null ? 0 : Packed.float32(strip[4], index);
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
            SlopePlane[] fields = {SlopePlane.SCI, SlopePlane.ERR, SlopePlane.VAR_POISSON, SlopePlane.VAR_RNOISE};
            for (int f = 0; f < 4; f++) {
                if (!planes.contains(fields[f])) {
                    continue;
                }
                json.writeArrayFieldStart(fields[f].jsonField);
                for (float[] row : floats[f][p]) {
                    json.writeStartArray();
                    for (float value : row) {
                        FloatJsonModule.write(json, value);
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
            }
            if (planes.contains(SlopePlane.DQ)) {
                json.writeFieldName("dq");
                json.writeObject(dq[p]);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    void csv(Writer out) throws IOException {
        out.write("integration,row,col");
        for (SlopePlane plane : planes) {
            out.write("," + plane.csvColumn);
        }
        out.write("\n");
        StringBuilder line = new StringBuilder();
        for (int p = 0; p < dq.length; p++) {
            for (int y = 0; y < dq[p].length; y++) {
                for (int x = 0; x < dq[p][y].length; x++) {
                    line.setLength(0);
                    line.append(integration(p) == null ? "" : integration(p)).append(',')
                            .append(region.rows().first() + y).append(',').append(region.cols().first() + x);
                    for (SlopePlane plane : planes) {
                        line.append(',').append(plane == SlopePlane.DQ ? String.valueOf(dq[p][y][x])
                                : FloatText.csv(floats[floatIndex(plane)][p][y][x]));
                    }
                    out.write(line.append('\n').toString());
                }
            }
        }
    }

    /** Where a float plane is kept: SCI, ERR, VAR_POISSON, VAR_RNOISE. */
    static int floatIndex(SlopePlane plane) {
        return switch (plane) {
            case SCI -> 0;
            case ERR -> 1;
            case VAR_POISSON -> 2;
            case VAR_RNOISE -> 3;
            case DQ -> throw new IllegalArgumentException("DQ is not a float plane");
        };
    }

    /** The images as FITS extensions after a primary HDU with the exposure's keywords. */
    List<BasicHDU<?>> hdus(String exposure, String headerJson) throws IOException {
        return SlopeFits.hdus(region, floats, dq, planes, exposure, headerJson);
    }
}
