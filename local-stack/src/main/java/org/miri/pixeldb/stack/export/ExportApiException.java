package org.miri.pixeldb.stack.export;

/**
 * The query API answered with an error status, or could not be reached (status 0). The message is the API's own
 * ({@code {"status":400,"error":"Bad Request","parameter":"rows","message":"..."}}: parameter and message), or the
 * body's start when it is no such JSON.
 */
public final class ExportApiException extends Exception {

    private final int status;

    public ExportApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ExportApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status; 0 when the API did not answer. */
    public int status() {
        return status;
    }
}
