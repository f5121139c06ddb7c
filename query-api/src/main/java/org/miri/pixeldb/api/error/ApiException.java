package org.miri.pixeldb.api.error;

/**
 * A request the API refuses, with the HTTP status and the query or path parameter at fault, so that a notebook
 * user can fix the call without reading server logs.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String parameter;

    public ApiException(int status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    public static ApiException badRequest(String parameter, String message) {
        return new ApiException(400, parameter, message);
    }

    public static ApiException notFound(String parameter, String message) {
        return new ApiException(404, parameter, message);
    }

    public int status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }
}
