package org.miri.pixeldb.api.pixel;

import java.util.List;
import java.util.Set;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.exposure.ExposureFilter;
import org.miri.pixeldb.api.param.CursorToken;
import org.miri.pixeldb.api.param.Span;
import org.miri.pixeldb.model.FrameGeometry;

/**
 * What a pixel request asks for, validated.
 *
 * @param integrations which integrations (1-based), e.g. 1:1
 * @param include      raw, corrected, slopes
 * @param anyFlags     keep integrations carrying any of these DQ bits (PIXELDQ, any GROUPDQ, or slope DQ); 0: no filter
 * @param noFlags      keep integrations carrying none of these; 0: no filter
 */
public record PixelQuery(int scaId, String detector, int row, int col, ExposureFilter exposures, Span integrations,
        Set<String> include, long anyFlags, long noFlags, CursorToken after, int limit) {

    public static final Set<String> PARTS = Set.of("raw", "corrected", "slopes");

    public static Set<String> include(List<String> values) {
        if (values.isEmpty()) {
            return PARTS;
        }
        for (String value : values) {
            if (!PARTS.contains(value)) {
                throw ApiException.badRequest("include", "include takes raw, corrected, slopes, not '" + value + "'");
            }
        }
        return Set.copyOf(values);
    }

    public int pixelId() {
        return FrameGeometry.pixelId(row, col);
    }

    public boolean filtersFlags() {
        return anyFlags != 0 || noFlags != 0;
    }

    /** Whether an integration with this combined DQ mask passes the flag filters. */
    public boolean keeps(long mask) {
        return (anyFlags == 0 || (mask & anyFlags) != 0) && (mask & noFlags) == 0;
    }
}
