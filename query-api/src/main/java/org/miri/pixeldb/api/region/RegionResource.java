package org.miri.pixeldb.api.region;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.exposure.ExposureRepository;
import org.miri.pixeldb.api.exposure.ExposureResource;
import org.miri.pixeldb.api.exposure.ExposureSummary;
import org.miri.pixeldb.api.format.ApiLimits;
import org.miri.pixeldb.api.format.AssemblyMemory;
import org.miri.pixeldb.api.format.OutputFormat;
import org.miri.pixeldb.api.format.ResponseBudget;
import org.miri.pixeldb.api.param.Params;

@Path("/api/v1/exposures/{name}")
@Produces({"application/json", "text/csv", "application/fits"})
public class RegionResource {

    private static final String ADVICE = "ask for fewer rows, cols or integrations";
    private static final List<String> SLOPE_PRODUCTS = List.of("RATEINTS", "RATE", "QUICKLOOK");

    @Inject
    ExposureRepository exposures;
    @Inject
    RegionStreams streams;
    @Inject
    ApiLimits limits;
    @Inject
    AssemblyMemory memory;

    @GET
    @Path("/ramps")
    @Operation(summary = "Every ramp in a rectangle (default: the whole exposure), one integration or all: raw,"
            + " corrected (SCI, ERR, GROUPDQ) or reference output; JSON, CSV (one line per group) or FITS (image"
            + " cubes with the exposure's keywords, the region in SUBSTRT1/2, SUBSIZE1/2)")
    public Response ramps(@PathParam("name") String name, @QueryParam("kind") @Parameter(description =
            "raw (default), corrected or refout") String kind, @QueryParam("rows") @Parameter(description =
            "full-frame rows, e.g. 779:790 or 800; default all of the exposure") String rows, @QueryParam("cols")
            @Parameter(description = "full-frame columns (reference-output columns for refout), e.g. 1:8")
            String cols, @QueryParam("integration") @Parameter(description = "e.g. 2 or 1:3; default all")
            String integration, @QueryParam("format") String format, @Context HttpHeaders headers,
            @Context RoutingContext request) throws SQLException, IOException {
        OutputFormat out = OutputFormat.choose(format, headers.getRequestHeader(HttpHeaders.ACCEPT));
        RegionKind regionKind = RegionKind.parse(kind);
        ExposureSummary e = loaded(name, regionKind.product, "kind");
        Region region = Region.of(e, regionKind, rows, cols, integration);
        ResponseBudget.Unit unit = regionKind == RegionKind.CORRECTED ? ResponseBudget.Unit.CORRECTED
                : ResponseBudget.Unit.RAW;
        ResponseBudget.require(region.ramps() * e.ngroups(), unit, out, limits.maxResponseBytes(), "rows", ADVICE);
        StreamingOutput body = out != OutputFormat.FITS ? streams.ramps(e, region, out, request)
                // FITS cubes are numpy-ordered (integration, group, row, col) and the strips come by pixel: the cube
                // is assembled in memory, before the first byte.
                : memory.reserve(ResponseBudget.estimate(region.ramps() * e.ngroups(), unit, out), "rows", ADVICE,
                        request, () -> streams.rampCube(e, region));
        return Response.ok(body, out.mediaType()).build();
    }

    @GET
    @Path("/slopes")
    @Operation(summary = "Slope images of a rectangle: SCI, ERR, DQ, VAR_POISSON, VAR_RNOISE (or the planes asked for)"
            + " per integration"
            + " (RATEINTS, or QUICKLOOK: slopes the database fitted to the raw ramps) or of the exposure (RATE)")
    public Response slopes(@PathParam("name") String name, @QueryParam("product") @Parameter(description =
            "RATEINTS, RATE or QUICKLOOK; default the first of them loaded") String product, @QueryParam("rows") String rows,
            @QueryParam("cols") String cols, @QueryParam("integration") String integration,
            @QueryParam("planes") @Parameter(description = "SCI, ERR, DQ, VAR_POISSON, VAR_RNOISE: the planes to"
                    + " answer, repeated or comma-separated; default all") List<String> planes,
            @QueryParam("format") String format, @Context HttpHeaders headers, @Context RoutingContext request)
            throws SQLException, IOException {
        OutputFormat out = OutputFormat.choose(format, headers.getRequestHeader(HttpHeaders.ACCEPT));
        Set<SlopePlane> chosen = SlopePlane.parse(planes);
        ExposureSummary found = exposures.find(name).orElseThrow(() -> ExposureResource.unknown(name));
        // The pipeline's slopes before the database's quick look: the first of them that is loaded.
        String kind = product == null || product.isBlank()
                ? SLOPE_PRODUCTS.stream().filter(found.productsLoaded()::contains).findFirst().orElse("RATEINTS")
                : Params.text("product", product).toUpperCase(java.util.Locale.ROOT);
        if (!SLOPE_PRODUCTS.contains(kind)) {
            throw ApiException.badRequest("product", "product is RATEINTS, RATE or QUICKLOOK");
        }
        ExposureSummary e = loaded(name, kind, "product");
        Region region = Region.of(e, RegionKind.RAW, rows, cols, integration);
        long images = kind.equals("RATE") ? 1 : region.integrations().size();
        long pixels = images * region.rows().size() * region.cols().size();
        ResponseBudget.require(pixels * chosen.size(), ResponseBudget.Unit.SLOPE_PLANE, out, limits.maxResponseBytes(),
                "rows", ADVICE);
        // Slope images are assembled in memory whatever the format (SlopeImages: 24 bytes a pixel and image).
        long assembled = pixels * SlopeImages.BYTES_PER_VALUE;
        return Response.ok(memory.reserve(assembled, "rows", ADVICE, request,
                () -> streams.slopes(e, kind, region, chosen, out)),
                out.mediaType()).build();
    }

    @GET
    @Path("/flags")
    @Produces({"application/json", "text/csv"})
    @Operation(summary = "The pixels (PIXELDQ) and ramps (GROUPDQ, with the groups) carrying any of the given DQ"
            + " flags in a rectangle; JSON or CSV")
    public Response flags(@PathParam("name") String name, @QueryParam("flag") @Parameter(description =
            "DQ flag names, repeated or comma-separated (current or old names)") List<String> flag,
            @QueryParam("rows") String rows, @QueryParam("cols") String cols,
            @QueryParam("integration") String integration, @QueryParam("format") String format,
            @Context HttpHeaders headers) throws SQLException, IOException {
        OutputFormat out = OutputFormat.choose(format, headers.getRequestHeader(HttpHeaders.ACCEPT));
        if (out == OutputFormat.FITS) {
            throw ApiException.badRequest("format", "flags are served as json or csv");
        }
        List<String> names = Params.list("flag", flag);
        if (names.isEmpty()) {
            throw ApiException.badRequest("flag", "flag is required: one or more DQ flag names, e.g. JUMP_DET");
        }
        long mask = streams.mask(names);
        ExposureSummary e = loaded(name, "RAMP", "flag");
        Region region = Region.of(e, RegionKind.CORRECTED, rows, cols, integration);
        ResponseBudget.require(region.ramps() * e.ngroups(), ResponseBudget.Unit.FLAG, out, limits.maxResponseBytes(),
                "rows", ADVICE);
        return Response.ok(streams.flags(e, region, mask, out), out.mediaType()).build();
    }

    private ExposureSummary loaded(String name, String product, String parameter) throws SQLException {
        ExposureSummary e = exposures.find(name).orElseThrow(() -> ExposureResource.unknown(name));
        if (!e.productsLoaded().contains(product)) {
            throw ApiException.notFound(parameter, "exposure " + e.name() + " has no loaded " + product
                    + " product (loaded: " + e.productsLoaded() + ")");
        }
        return e;
    }
}
