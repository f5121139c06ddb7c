package org.miri.pixeldb.api.exposure;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.miri.pixeldb.api.detector.DetectorParameter;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.ingest.ExposureStatus;
import org.miri.pixeldb.api.ingest.IngestStatusRepository;
import org.miri.pixeldb.api.ingest.ProductStatus;
import org.miri.pixeldb.api.param.CursorToken;
import org.miri.pixeldb.api.param.NextLink;
import org.miri.pixeldb.api.param.Params;

@Path("/api/v1/exposures")
@Produces(MediaType.APPLICATION_JSON)
public class ExposureResource {

    @Inject
    ExposureRepository exposures;
    @Inject
    ExposureDetailRepository details;
    @Inject
    ExposureDeletion deletion;
    @Inject
    IngestStatusRepository statuses;

    @GET
    @Operation(summary = "Exposures by detector, subarray, readout pattern, type, origin, DATE-OBS range and loaded"
            + " products; sorted, paged with the 'next' link")
    public ExposurePage list(@QueryParam("detector") @Parameter(description = "name or SCA_ID") String detector,
            @QueryParam("subarray") String subarray, @QueryParam("readpatt") String readpatt,
            @QueryParam("expType") String expType, @QueryParam("origin") @Parameter(description = "FLIGHT, JPL, OTIS")
            String origin, @QueryParam("from") @Parameter(description = "earliest DATE-OBS, ISO-8601") String from,
            @QueryParam("to") @Parameter(description = "latest DATE-OBS, ISO-8601") String to,
            @QueryParam("loaded") @Parameter(description = "product kinds that must be loaded: RAW,RAMP,RATEINTS,RATE,QUICKLOOK")
            List<String> loaded, @QueryParam("sort") @Parameter(description = "dateObs (default), -dateObs, name, -name")
            String sort, @QueryParam("limit") @Parameter(description = "1..1000, default 100") String limit,
            @QueryParam("cursor") @Parameter(description = "the token of a 'next' link") String cursor,
            @Context UriInfo uri) throws SQLException {
        ExposureFilter filter = new ExposureFilter(
                detector == null || detector.isBlank() ? null : DetectorParameter.resolve("detector", detector).scaId(),
                Params.text("subarray", subarray), Params.text("readpatt", readpatt), Params.text("expType", expType),
                Params.text("origin", origin), Params.instant("from", from), Params.instant("to", to),
                Params.list("loaded", loaded));
        ExposureSort order = ExposureSort.parse(sort);
        int size = Params.integer("limit", limit, 1, 1000, 100);
        List<ExposureSummary> found = exposures.list(filter, order, CursorToken.decode("cursor", cursor), size);
        if (found.size() <= size) {
            return new ExposurePage(found, null);
        }
        ExposureSummary last = found.get(size - 1);
        String next = NextLink.after(uri, order.cursorAfter(last.dateObs(), last.name(), last.id()));
        return new ExposurePage(found.subList(0, size), next);
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One exposure: metadata, every product version with provenance and full header, ingest log,"
            + " ramp counts")
    public ExposureDetail get(@PathParam("name") String name) throws SQLException {
        return details.find(name).orElseThrow(() -> unknown(name));
    }

    @GET
    @Path("/{name}/status")
    @Operation(summary = "Ingest status of each product of the exposure: RECEIVED, SPLITTING, LOADING (chunks loaded of"
            + " the chunk count), LOADED, REJECTED or FAILED with the reason, and when each state began")
    public ExposureStatus status(@PathParam("name") String name) throws SQLException {
        List<ProductStatus> products = statuses.of(name);
        if (products.isEmpty() && !statuses.known(name)) {
            throw unknown(name);
        }
        return new ExposureStatus(name, products);
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Deletes the exposure and every row of every product, atomically (admin token)")
    public Map<String, String> delete(@PathParam("name") String name) throws SQLException {
        if (!deletion.delete(name)) {
            throw unknown(name);
        }
        return Map.of("deleted", name);
    }

    public static ApiException unknown(String name) {
        return ApiException.notFound("name", "no exposure named '" + Params.text("name", name.length() > 200
                ? name.substring(0, 200) : name.replaceAll("[^\\x20-\\x7e]", "?")) + "'");
    }
}
