package org.miri.pixeldb.api.export;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.miri.pixeldb.api.detector.DetectorParameter;
import org.miri.pixeldb.api.dq.DqCatalog;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.exposure.ExposureFilter;
import org.miri.pixeldb.api.param.Params;
import org.miri.pixeldb.api.param.Span;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.schemas.ExportProduct;

/**
 * An export request checked and resolved: the exposures (named, or a filter), the products, the full-frame region,
 * the integrations and the DQ masks. Every problem is a 400 naming its field.
 *
 * @param exposures the names asked for, or empty when {@code filter} selects them
 */
public record ExportSelection(List<String> exposures, ExposureFilter filter, Set<ExportProduct> products, Span rows,
        Span cols, Span integrations, long flagMask, long noflagMask) {

    public static ExportSelection of(ExportRequest request, DqCatalog flags, int maxExposures) {
        boolean filtered = request.detector() != null || request.subarray() != null || request.readpatt() != null
                || request.expType() != null || request.origin() != null || request.from() != null
                || request.to() != null || request.loaded() != null;
        List<String> names = names(request.exposures(), maxExposures);
        if (!names.isEmpty() && filtered) {
            throw ApiException.badRequest("exposures", "name the exposures or give filters of /api/v1/exposures, not both");
        }
        if (names.isEmpty() && !filtered) {
            throw ApiException.badRequest("exposures", "name the exposures (\"exposures\": [...]) or give at least one"
                    + " filter of /api/v1/exposures (detector, subarray, readpatt, expType, origin, from, to, loaded)");
        }
        if (request.format() != null && !request.format().equalsIgnoreCase("parquet")) {
            throw ApiException.badRequest("format", "format is parquet (the only one exports are written in)");
        }
        ExposureFilter filter = filtered ? new ExposureFilter(request.detector() == null ? null
                : DetectorParameter.resolve("detector", request.detector()).scaId(),
                Params.text("subarray", request.subarray()), Params.text("readpatt", request.readpatt()),
                Params.text("expType", request.expType()), Params.text("origin", request.origin()),
                Params.instant("from", request.from()), Params.instant("to", request.to()),
                Params.list("loaded", request.loaded())) : null;
        Set<ExportProduct> products = products(request.products());
        long flag = flags.mask("flag", Params.list("flag", request.flag() == null ? null : List.of(request.flag())));
        long noflag = flags.mask("noflag", Params.list("noflag", request.noflag() == null ? null
                : List.of(request.noflag())));
        if ((flag != 0 || noflag != 0) && (products.contains(ExportProduct.RAW) || products.contains(ExportProduct.REFOUT))) {
            throw ApiException.badRequest(flag != 0 ? "flag" : "noflag", "flag and noflag select by DQ, which RAW and"
                    + " REFOUT do not have: export them separately, or filter the exposure's RAMP instead");
        }
        return new ExportSelection(names, filter, products, Span.parse("rows", request.rows(), 1, FrameGeometry.ROWS),
                Span.parse("cols", request.cols(), 1, FrameGeometry.COLUMNS),
                Span.parse("integration", request.integration(), 1, Short.MAX_VALUE), flag, noflag);
    }

    private static List<String> names(List<String> exposures, int max) {
        if (exposures == null) {
            return List.of();
        }
        if (exposures.size() > max) {
            throw ApiException.badRequest("exposures", "at most " + max + " exposures per export, not " + exposures.size());
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : exposures) {
            if (name == null || name.isBlank()) {
                throw ApiException.badRequest("exposures", "an exposure name is empty");
            }
            if (!names.add(name.strip())) {
                throw ApiException.badRequest("exposures", "exposure '" + name.strip() + "' is named twice");
            }
        }
        return new ArrayList<>(names);
    }

    private static Set<ExportProduct> products(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw ApiException.badRequest("products", "products is required: some of RAW, REFOUT, RAMP, RATEINTS, RATE,"
                    + " QUICKLOOK");
        }
        Set<ExportProduct> products = EnumSet.noneOf(ExportProduct.class);
        for (String name : given) {
            ExportProduct product;
            try {
                product = ExportProduct.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("products", "unknown product '" + Params.text("products", String.valueOf(name))
                        + "'; the products are RAW, REFOUT, RAMP, RATEINTS, RATE, QUICKLOOK");
            }
            if (!products.add(product)) {
                throw ApiException.badRequest("products", "product " + product + " is named twice");
            }
        }
        return products;
    }
}
