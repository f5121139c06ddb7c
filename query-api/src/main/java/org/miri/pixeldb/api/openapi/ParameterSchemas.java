package org.miri.pixeldb.api.openapi;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.miri.pixeldb.model.FrameGeometry;

/**
 * The true types of the API's parameters. Resources take every parameter as text and parse it themselves (so that a
 * malformed value is a 400 naming it), which leaves the generated document saying "string" for all of them; these
 * are the types, ranges, enumerations and defaults the parsing enforces (Params, Span, the resources).
 */
final class ParameterSchemas {

    private ParameterSchemas() {
    }

    /** @return the schema of a parameter of this name on this path, or null to keep the generated one */
    static Schema of(String name, String path) {
        return switch (name) {
            case "limit" -> integer(1, 1000).defaultValue(path.endsWith("/slopes") ? 1000
                    : path.startsWith("/api/v1/pixels") ? 25 : 100);
            case "row" -> integer(1, FrameGeometry.ROWS);
            case "col" -> integer(1, FrameGeometry.COLUMNS);
            case "pixelId" -> integer(1, FrameGeometry.PIXELS);
            case "rows", "cols", "integration" -> text().pattern("^\\d+(:\\d+)?$")
                    .description("one value (800) or an inclusive range (779:790)");
            case "from", "to" -> text().format("date-time")
                    .description("ISO-8601 date or date-time, UTC when no offset is given");
            case "kind" -> enumeration(List.of("raw", "corrected", "refout")).defaultValue("raw");
            case "product" -> enumeration(List.of("RATEINTS", "RATE", "QUICKLOOK"));
            case "sort" -> enumeration(List.of("dateObs", "-dateObs", "name", "-name")).defaultValue("dateObs");
            case "origin" -> enumeration(List.of("FLIGHT", "JPL", "OTIS"));
            default -> null;
        };
    }

    private static Schema text() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema integer(int min, int max) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.valueOf(min))
                .maximum(BigDecimal.valueOf(max));
    }

    private static Schema enumeration(List<Object> values) {
        return text().enumeration(values);
    }
}
