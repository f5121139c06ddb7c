package org.miri.pixeldb.api.region;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.miri.pixeldb.api.format.FloatJsonModule;
import org.miri.pixeldb.api.format.Packed;

/** Streams a region's ramps as JSON objects {integration, row, col, samples | sci, err, groupdq} into "ramps". */
record RampJsonWriter(JsonGenerator json, RegionKind kind, int ngroups) implements RampVisitor {

    @Override
    public void ramp(int integration, int row, int col, byte[][] strip, int index) throws IOException {
        json.writeStartObject();
        json.writeNumberField("integration", integration);
        json.writeNumberField("row", row);
        json.writeNumberField(kind == RegionKind.REFOUT ? "refoutCol" : "col", col);
        int base = index * ngroups;
        if (kind == RegionKind.CORRECTED) {
            floats("sci", strip[0], base);
            if (strip[1] == null) {
                json.writeNullField("err");
            } else {
                floats("err", strip[1], base);
            }
            json.writeArrayFieldStart("groupdq");
            for (int g = 0; g < ngroups; g++) {
                json.writeNumber(Packed.uint8(strip[2], base + g));
            }
        } else {
            json.writeArrayFieldStart("samples");
            for (int g = 0; g < ngroups; g++) {
                json.writeNumber(Packed.uint16(strip[0], base + g));
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void floats(String name, byte[] packed, int base) throws IOException {
        json.writeArrayFieldStart(name);
        for (int g = 0; g < ngroups; g++) {
            FloatJsonModule.write(json, Packed.float32(packed, base + g));
        }
        json.writeEndArray();
    }
}
