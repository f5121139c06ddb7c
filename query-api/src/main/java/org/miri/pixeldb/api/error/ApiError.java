package org.miri.pixeldb.api.error;

/**
 * The body of every error response.
 *
 * @param status    the HTTP status, repeated so that a saved body still says what happened
 * @param error     the status' reason phrase
 * @param parameter the request parameter at fault (query or path parameter name, {@code Authorization}, or
 *                  {@code path} / {@code method} when the request as a whole is wrong); null for server faults
 * @param message   what is wrong, in words a user can act on
 */
public record ApiError(int status, String error, String parameter, String message) {
}
