package org.miri.pixeldb.api.region;

import java.io.IOException;
import java.io.Writer;
import org.miri.pixeldb.api.format.FloatText;
import org.miri.pixeldb.api.format.Packed;

/** Streams a region's ramps as CSV, one line per group: integration,row,col,group,value (or sci,err,groupdq). */
final class RampCsvWriter implements RampVisitor {

    private final Writer out;
    private final RegionKind kind;
    private final int ngroups;

    RampCsvWriter(Writer out, RegionKind kind, int ngroups) throws IOException {
        this.out = out;
        this.kind = kind;
        this.ngroups = ngroups;
        String col = kind == RegionKind.REFOUT ? "refout_col" : "col";
        out.write("integration,row," + col + ",group," + (kind == RegionKind.CORRECTED ? "sci,err,groupdq" : "value")
                + "\n");
    }

    @Override
    public void ramp(int integration, int row, int col, byte[][] strip, int index) throws IOException {
        String prefix = integration + "," + row + "," + col + ",";
        int base = index * ngroups;
        StringBuilder lines = new StringBuilder(ngroups * 32);
        for (int g = 0; g < ngroups; g++) {
            lines.append(prefix).append(g + 1).append(',');
            if (kind == RegionKind.CORRECTED) {
                lines.append(FloatText.csv(Packed.float32(strip[0], base + g))).append(',')
                        .append(strip[1] == null ? "" : FloatText.csv(Packed.float32(strip[1], base + g))).append(',')
                        .append(Packed.uint8(strip[2], base + g));
            } else {
                lines.append(Packed.uint16(strip[0], base + g));
            }
            lines.append('\n');
        }
        out.write(lines.toString());
    }
}
