package org.miri.pixeldb.api.region;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** What the flag search found, as JSON fields (flags, pixels, ramps) or CSV lines (one per pixel or ramp). */
final class FlagReport {

    private FlagReport() {
    }

    static void json(FlagFinder found, List<String> asked, JsonGenerator json) throws IOException {
        json.writeObjectField("flags", asked);
        json.writeObjectField("pixels", found.pixels);
        json.writeObjectField("ramps", found.ramps);
    }

    static void csv(FlagFinder found, Writer csv) throws IOException {
        csv.write("kind,integration,row,col,groups,flags\n");
        for (FlagFinder.FlaggedPixel p : found.pixels) {
            csv.write("pixel,," + p.row() + "," + p.col() + ",," + String.join(" ", p.flags()) + "\n");
        }
        for (FlagFinder.FlaggedRamp r : found.ramps) {
            csv.write("ramp," + r.integration() + "," + r.row() + "," + r.col() + ","
                    + r.groups().stream().map(String::valueOf).collect(Collectors.joining(" ")) + ","
                    + String.join(" ", r.flags()) + "\n");
        }
    }
}
