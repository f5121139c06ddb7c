package org.miri.pixeldb.api.pixel;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.miri.pixeldb.api.detector.DetectorParameter;
import org.miri.pixeldb.api.dq.DqFlagRepository;
import org.miri.pixeldb.api.format.OutputFormat;
import org.miri.pixeldb.api.health.HealthService;
import org.miri.pixeldb.api.health.PixelHealthHistory;
import org.miri.pixeldb.api.param.Params;
import org.miri.pixeldb.model.Detector;
import org.miri.pixeldb.model.FrameGeometry;

@Path("/api/v1/pixels")
@Produces({"application/json", "text/csv", "application/fits"})
public class PixelResource {

    @Inject
    DqFlagRepository flags;
    @Inject
    PixelLifeService lives;
    @Inject
    ObjectMapper mapper;
    @Inject
    HealthService health;

    @GET
    @Path("/{detector}/{row}/{col}")
    @Operation(summary = "A pixel's life: every exposure containing it, oldest first, with raw ramps, corrected ramps"
            + " (SCI, ERR, GROUPDQ and flag names), PIXELDQ and slopes; JSON, CSV (one line per group) or FITS"
            + " (binary table)")
    public Response life(@PathParam("detector") @Parameter(description = "MIRIMAGE, MIRIFULONG, MIRIFUSHORT or SCA_ID")
            String detector,
            @PathParam("row") @Parameter(description = "full-frame row, 1.." + FrameGeometry.ROWS) String row,
            @PathParam("col") @Parameter(description = "full-frame column, 1.." + FrameGeometry.COLUMNS) String col,
            @BeanParam PixelParams params, @Context HttpHeaders headers, @Context UriInfo uri) throws SQLException {
        OutputFormat format = OutputFormat.choose(params.format, headers.getRequestHeader(HttpHeaders.ACCEPT));
        Detector d = DetectorParameter.resolve("detector", detector);
        PixelQuery query = params.query(d.scaId(), d.name(), row, col, flags.catalog(), PixelParams.DEFAULT_LIMIT);
        return render(lives.life(query, format, uri), format);
    }

    @GET
    @Path("/{pixelId}")
    @Operation(summary = "A pixel's life by the prototype's pixel number (row - 1) * " + FrameGeometry.COLUMNS
            + " + col")
    public Response byId(@PathParam("pixelId") @Parameter(description = "1.." + FrameGeometry.PIXELS) String pixelId,
            @QueryParam("detector") @Parameter(description = "default MIRIMAGE, the detector of the prototype's data")
            String detector, @BeanParam PixelParams params, @Context HttpHeaders headers, @Context UriInfo uri)
            throws SQLException {
        int id = Params.integer("pixelId", pixelId, 1, FrameGeometry.PIXELS, null);
        String row = String.valueOf(FrameGeometry.rowOfPixelId(id));
        String col = String.valueOf(FrameGeometry.colOfPixelId(id));
        return life(detector == null || detector.isBlank() ? "MIRIMAGE" : detector, row, col, params, headers, uri);
    }

    @GET
    @Path("/{detector}/{row}/{col}/slopes")
    @Produces({"application/json", "text/csv"})
    @Operation(summary = "The pixel's slope time series in columns (exposure, dateObs, kind, integration, sci, err,"
            + " dq), compact for plotting; JSON or CSV; the same filters and paging as the pixel's life")
    public Response slopes(@PathParam("detector") String detector, @PathParam("row") String row,
            @PathParam("col") String col, @BeanParam PixelParams params, @Context HttpHeaders headers,
            @Context UriInfo uri) throws SQLException {
        OutputFormat format = OutputFormat.choose(params.format, headers.getRequestHeader(HttpHeaders.ACCEPT));
        if (format == OutputFormat.FITS) {
            throw org.miri.pixeldb.api.error.ApiException.badRequest("format", "slope series are served as json or"
                    + " csv; the pixel's life is served as FITS");
        }
        params.include = java.util.List.of("slopes");
        Detector d = DetectorParameter.resolve("detector", detector);
        PixelQuery query = params.query(d.scaId(), d.name(), row, col, flags.catalog(), 1000);
        PixelSlopes slopes = PixelSlopes.of(lives.life(query, format, uri));
        return format == OutputFormat.CSV ? Response.ok(slopes.csv(), format.mediaType()).build()
                : Response.ok(slopes, format.mediaType()).build();
    }

    @GET
    @Path("/{detector}/{row}/{col}/health")
    @Produces("application/json")
    @Operation(summary = "The pixel's detector health over time: its states in every evaluated exposure containing"
            + " it, oldest first by DATE-OBS, and the timeline of runs with the same states")
    public PixelHealthHistory health(@PathParam("detector") String detector, @PathParam("row") String row,
            @PathParam("col") String col, @QueryParam("limit") @Parameter(description = "exposures at most, 1.."
                    + HealthService.MAX_LIMIT + ", default " + HealthService.DEFAULT_LIMIT) String limit)
            throws SQLException {
        return health.pixel(DetectorParameter.resolve("detector", detector),
                Params.integer("row", row, 1, FrameGeometry.ROWS, null),
                Params.integer("col", col, 1, FrameGeometry.COLUMNS, null), limit);
    }

    private Response render(PixelLife life, OutputFormat format) {
        StreamingOutput body = switch (format) {
            case JSON -> out -> PixelLifeJson.write(life, mapper.getFactory().createGenerator(out));
            case CSV -> out -> PixelCsv.write(life, new OutputStreamWriter(out, StandardCharsets.UTF_8));
            case FITS -> out -> PixelFits.write(life, out);
        };
        return Response.ok(body, format.mediaType()).build();
    }
}
