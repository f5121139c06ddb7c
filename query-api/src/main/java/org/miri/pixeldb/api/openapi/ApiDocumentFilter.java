package org.miri.pixeldb.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes /q/openapi say what the API does beyond what the annotations generate: the errors every operation may answer
 * (with the {@code ApiError} body), the bearer token DELETE needs, the {@code format} values each operation
 * serves (read from its own media types, so that a format it never serves is not offered), and the types, ranges,
 * enumerations and defaults of the other parameters ({@link ParameterSchemas}).
 */
public class ApiDocumentFilter implements OASFilter {

    static final String ERROR_SCHEMA = "ApiError";
    static final String BEARER = "bearer";
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();
    private static final Map<String, String> FORMATS = Map.of("application/json", "json", "text/csv", "csv",
            "application/fits", "fits");

    static {
        ERRORS.put("400", "a parameter is malformed, out of range, unknown or repeated; `parameter` names it");
        ERRORS.put("404", "no such exposure, pixel or route");
        ERRORS.put("406", "no acceptable format (Accept)");
        ERRORS.put("413", "the answer would exceed the response or assembly limit; ask for less");
        ERRORS.put("503", "a query ran past the statement timeout, or (with Retry-After) the memory for assembled "
                + "answers is in use");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ERROR_SCHEMA, errorSchema());
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("an API token: Authorization: Bearer <token>"));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ERRORS.forEach((status, meaning) -> addError(operation, status, meaning));
        if (method == PathItem.HttpMethod.DELETE) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
            addError(operation, "401", "no bearer token, or an unknown one");
            addError(operation, "403", "the token's role may not change data");
        }
        List<Object> served = operation.getResponses() == null || operation.getResponses().getAPIResponse("200") == null
                || operation.getResponses().getAPIResponse("200").getContent() == null ? List.of()
                : operation.getResponses().getAPIResponse("200").getContent().getMediaTypes().keySet().stream()
                        .filter(FORMATS::containsKey).map(type -> (Object) FORMATS.get(type)).toList();
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            if (parameter.getName().equals("format") && !served.isEmpty()) {
                parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(served)
                        .defaultValue("json"));
            } else if (ParameterSchemas.of(parameter.getName(), path) != null) {
                parameter.schema(ParameterSchemas.of(parameter.getName(), path));
            }
        }
    }

    private static void addError(Operation operation, String status, String meaning) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(meaning)
                    .content(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA)))));
        }
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The body of every error response")
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("the HTTP status"))
                .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the status' reason phrase"))
                .addProperty("parameter", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL).description("the parameter at fault (query or path parameter, "
                                + "Authorization, Accept, path or method); null for server faults"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("what is wrong, in words a user can act on"));
    }
}
