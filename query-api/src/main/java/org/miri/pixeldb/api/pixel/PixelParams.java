package org.miri.pixeldb.api.pixel;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.miri.pixeldb.api.dq.DqCatalog;
import org.miri.pixeldb.api.exposure.ExposureFilter;
import org.miri.pixeldb.api.param.CursorToken;
import org.miri.pixeldb.api.param.Params;
import org.miri.pixeldb.api.param.Span;
import org.miri.pixeldb.model.FrameGeometry;

/** The query parameters of the pixel endpoints, parsed by hand so that every fault names its parameter. */
public class PixelParams {

    /**
     * Exposures per page of a pixel's life when the request does not say: whole ramps make a page of 25 exposures
     * about 30 kB for small synthetic ones and up to a few MB for real MIRI exposures of hundreds of groups, which a
     * dashboard can poll; notebooks follow the 'next' links (decision 0008, docs/performance.md).
     */
    public static final int DEFAULT_LIMIT = 25;

    @QueryParam("from") @Parameter(description = "earliest DATE-OBS, ISO-8601 date or date-time (UTC)")
    public String from;
    @QueryParam("to") @Parameter(description = "latest DATE-OBS, inclusive")
    public String to;
    @QueryParam("subarray") public String subarray;
    @QueryParam("readpatt") public String readpatt;
    @QueryParam("expType") public String expType;
    @QueryParam("origin") @Parameter(description = "FLIGHT, JPL or OTIS") public String origin;
    @QueryParam("integration") @Parameter(description = "one integration (3) or a range (2:4), 1-based")
    public String integration;
    @QueryParam("include") @Parameter(description = "raw, corrected, slopes (comma-separated; default all)")
    public List<String> include;
    @QueryParam("flag") @Parameter(description = "keep integrations carrying any of these DQ flags (PIXELDQ, GROUPDQ"
            + " of any group, or slope DQ); needs the RAMP product")
    public List<String> flag;
    @QueryParam("noflag") @Parameter(description = "keep integrations carrying none of these DQ flags")
    public List<String> noflag;
    @QueryParam("limit") @Parameter(description = "exposures per page, 1..1000, default " + DEFAULT_LIMIT) public String limit;
    @QueryParam("cursor") @Parameter(description = "the token of a 'next' link") public String cursor;
    @QueryParam("format") @Parameter(description = "json (default), csv or fits; or use the Accept header")
    public String format;

    public PixelQuery query(int scaId, String detector, String row, String col, DqCatalog flags, int defaultLimit) {
        int r = Params.integer("row", row, 1, FrameGeometry.ROWS, null);
        int c = Params.integer("col", col, 1, FrameGeometry.COLUMNS, null);
        ExposureFilter exposures = new ExposureFilter(null, Params.text("subarray", subarray),
                Params.text("readpatt", readpatt), Params.text("expType", expType), Params.text("origin", origin),
                Params.instant("from", from), Params.instant("to", to), List.of());
        return new PixelQuery(scaId, detector, r, c, exposures, Span.parse("integration", integration, 1, 65535),
                PixelQuery.include(Params.list("include", include)), flags.mask("flag", Params.list("flag", flag)),
                flags.mask("noflag", Params.list("noflag", noflag)), CursorToken.decode("cursor", cursor),
                Params.integer("limit", limit, 1, 1000, defaultLimit));
    }
}
