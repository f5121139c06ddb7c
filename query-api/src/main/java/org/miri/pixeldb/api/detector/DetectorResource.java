package org.miri.pixeldb.api.detector;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.miri.pixeldb.api.health.ExposureHealthPage;
import org.miri.pixeldb.api.health.HealthService;

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
            + " order, paged")
    public ExposureHealthPage health(
            @PathParam("detector") @Parameter(description = "MIRIMAGE, MIRIFULONG, MIRIFUSHORT or SCA_ID") String detector,
            @QueryParam("exposure") @Parameter(description = "exposure name (required)") String exposure,
            @QueryParam("state") @Parameter(description = "only pixels with any of these states, e.g. HOT,WARM")
            List<String> state,
            @QueryParam("cursor") @Parameter(description = "the next page's position, from 'next'") String cursor,
            @QueryParam("limit") @Parameter(description = "pixels per page, 1.." + HealthService.MAX_LIMIT + ", default "
                    + HealthService.DEFAULT_LIMIT) String limit,
            @Context UriInfo uri) throws SQLException {
        return health.exposure(DetectorParameter.resolve("detector", detector), exposure, state, cursor, limit, uri);
    }
}
