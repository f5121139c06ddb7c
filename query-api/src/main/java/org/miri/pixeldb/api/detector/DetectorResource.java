package org.miri.pixeldb.api.detector;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.format.OutputFormat;
import org.miri.pixeldb.api.health.AmplifierTrends;
import org.miri.pixeldb.api.health.HealthChangePage;
import org.miri.pixeldb.api.health.HealthService;
import org.miri.pixeldb.api.health.MaskComparison;
import org.miri.pixeldb.api.security.ReadsOnly;
import org.miri.pixeldb.model.Detector;

@Path("/api/v1/detectors")
@Produces(MediaType.APPLICATION_JSON)
public class DetectorResource {

    @Inject
    DetectorRepository detectors;
    @Inject
    HealthService health;

    @GET
    @Operation(summary = "The MIRI detectors: SCA_ID, name and what each is for")
    public List<DetectorEntry> list() throws SQLException {
        return detectors.all();
    }

    @GET
    @Path("/{detector}/health")
    @Operation(summary = "The detector health of one exposure (decision 0014): how many pixels are HOT, WARM, DEAD,"
            + " NOISY or JUMPY and the flagged pixels with the statistics behind their states, in row and column"
            + " order, paged; or format=fits, a CRDS-MASK-like DQ image of the full frame with its DQ_DEF table")
    @Produces({"application/json", "application/fits"})
    public Response health(
            @PathParam("detector") @Parameter(description = "MIRIMAGE, MIRIFULONG, MIRIFUSHORT or SCA_ID") String detector,
            @QueryParam("exposure") @Parameter(description = "exposure name (required)") String exposure,
            @QueryParam("state") @Parameter(description = "only pixels with any of these states, e.g. HOT,WARM")
            List<String> state,
            @QueryParam("cursor") @Parameter(description = "the next page's position, from 'next'") String cursor,
            @QueryParam("limit") @Parameter(description = "pixels per page, 1.." + HealthService.MAX_LIMIT + ", default "
                    + HealthService.DEFAULT_LIMIT) String limit,
            @QueryParam("format") @Parameter(description = "json (default) or fits (a CRDS-MASK-like file of the whole"
                    + " exposure); or use the Accept header") String format,
            @Context HttpHeaders headers, @Context UriInfo uri) throws SQLException {
        OutputFormat chosen = OutputFormat.choose(format, headers.getRequestHeader(HttpHeaders.ACCEPT));
        Detector d = DetectorParameter.resolve("detector", detector);
        return switch (chosen) {
            case JSON -> Response.ok(health.exposure(d, exposure, state, cursor, limit, uri), chosen.mediaType()).build();
            case FITS -> Response.ok(health.mask(d, exposure), chosen.mediaType()).build();
            case CSV -> throw ApiException.badRequest("format", "an exposure's health is served as json or fits");
        };
    }

    @POST
    @Path("/{detector}/health/compare")
    @ReadsOnly
    @Consumes({"application/fits", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The exposure's health against a reference mask sent as the body (a CRDS MASK FITS file: a"
            + " uint32 DQ image, full frame or placed by SUBSTRT1/SUBSTRT2): per DQ bit the health sets (HOT, WARM,"
            + " DEAD, OTHER_BAD_PIXEL) the pixels flagged here only, in the mask only and in both, over the pixels"
            + " both describe; counts exact, pixel lists capped at " + MaskComparison.MAX_LISTED + " per set."
            + " Changes nothing: no token needed")
    public MaskComparison compare(
            @PathParam("detector") @Parameter(description = "MIRIMAGE, MIRIFULONG, MIRIFUSHORT or SCA_ID") String detector,
            @QueryParam("exposure") @Parameter(description = "exposure name (required)") String exposure,
            InputStream mask) throws SQLException, IOException {
        return health.compare(DetectorParameter.resolve("detector", detector), exposure, mask);
    }

    @GET
    @Path("/{detector}/health/changes")
    @Operation(summary = "The pixels of an evaluated exposure whose states differ from their states in the previous"
            + " evaluated exposure of the detector and readout pattern holding them (what the pixel-health topic"
            + " carries), by row and column; count is exact, changes stop at the limit")
    public HealthChangePage changes(
            @PathParam("detector") @Parameter(description = "MIRIMAGE, MIRIFULONG, MIRIFUSHORT or SCA_ID") String detector,
            @QueryParam("exposure") @Parameter(description = "exposure name (required)") String exposure,
            @QueryParam("limit") @Parameter(description = "changes at most, 1.." + HealthService.MAX_LIMIT + ", default "
                    + HealthService.DEFAULT_LIMIT) String limit) throws SQLException {
        return health.changes(DetectorParameter.resolve("detector", detector), exposure, limit);
    }

    @GET
    @Path("/{detector}/amplifiers")
    @Produces({"application/json", "text/csv"})
    @Operation(summary = "Per-amplifier trend data of the detector's evaluated exposures, oldest first: per exposure,"
            + " integration and amplifier the sigma-clipped median and standard deviation of the considered slopes,"
            + " the pixels considered and the counts per state; JSON or CSV, paged")
    public Response amplifiers(@PathParam("detector") String detector,
            @QueryParam("from") @Parameter(description = "DATE-OBS from (ISO date or date-time, UTC)") String from,
            @QueryParam("to") @Parameter(description = "DATE-OBS to, inclusive") String to,
            @QueryParam("readpatt") @Parameter(description = "readout pattern, e.g. FAST") String readpatt,
            @QueryParam("cursor") @Parameter(description = "the next page's position, from 'next'") String cursor,
            @QueryParam("limit") @Parameter(description = "exposures per page, 1.." + HealthService.MAX_TREND_EXPOSURES
                    + ", default " + HealthService.DEFAULT_TREND_EXPOSURES) String limit,
            @QueryParam("format") @Parameter(description = "json (default) or csv; or use the Accept header")
            String format, @Context HttpHeaders headers, @Context UriInfo uri) throws SQLException {
        OutputFormat chosen = OutputFormat.choose(format, headers.getRequestHeader(HttpHeaders.ACCEPT));
        if (chosen == OutputFormat.FITS) {
            throw ApiException.badRequest("format", "amplifier trends are served as json or csv");
        }
        AmplifierTrends trends = health.amplifiers(DetectorParameter.resolve("detector", detector), from, to, readpatt,
                cursor, limit, uri);
        return Response.ok(chosen == OutputFormat.CSV ? trends.csv() : trends, chosen.mediaType()).build();
    }
}
