package org.miri.pixeldb.api.error;

/**
 * A request the API refuses, with the HTTP status and the query or path parameter at fault, so that a notebook
 * user can fix the call without reading server logs.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String parameter;
    private Integer retryAfterSeconds;

    public ApiException(int status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    public static ApiException badRequest(String parameter, String message) {
        return new ApiException(400, parameter, message);
    }

    /** 503: the request is fine but the service cannot take it now; the client is told when to retry. */
    public static ApiException busy(String parameter, String message, int retryAfterSeconds) {
        ApiException busy = new ApiException(503, parameter, message);
        busy.retryAfterSeconds = retryAfterSeconds;
        return busy;
    }

    /** Seconds for the Retry-After header, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
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
