package dev.runlist.errors;

import dev.runlist.spi.Headers;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What an error response said, as carried by an {@link ApiException}. Every field but
 * {@code status}, {@code attempts} and {@code headers} may be {@code null} when the server did not
 * send it.
 *
 * @param status the HTTP status code
 * @param type the {@code error.type} of the OpenAI error envelope, such as
 *     {@code invalid_request_error}
 * @param code the {@code error.code}, such as {@code rate_limit_exceeded}, or Azure's
 *     {@code "404"} or {@code "DeploymentNotFound"}
 * @param param the {@code error.param}: the request parameter at fault, such as {@code limit}
 * @param message the {@code error.message}, or for a body that is not the envelope a snippet of it
 * @param requestId the {@code x-request-id} response header, else Azure's {@code apim-request-id}
 * @param attempts how many attempts were made, the first included
 * @param headers the response headers, credentials redacted (see {@link ApiException#headers()});
 *     null is taken as none
 * @param retryAfter how long the server asked the client to wait before trying again
 *     ({@code retry-after-ms} or {@code Retry-After}), or null when it did not say (or said zero)
 */
public record ApiError(
        int status, @Nullable String type, @Nullable String code, @Nullable String param, @Nullable String message,
        @Nullable String requestId, int attempts, Headers headers, @Nullable Duration retryAfter) {

    /**
     * Takes null headers as none.
     *
     * @param status the HTTP status
     * @param type the error's {@code type}, if sent
     * @param code the error's {@code code}, if sent
     * @param param the error's {@code param}, if sent
     * @param message the error's message, or a description of the body when it had none
     * @param requestId the request id the server sent, if any
     * @param attempts how many attempts were made, this one included
     * @param headers the response's headers, credentials redacted; null means none
     * @param retryAfter how long the server asked to wait, if it said
     */
    public ApiError {
        headers = headers == null ? Headers.empty() : headers;
    }

    /**
     * An error without a server retry delay.
     *
     * @param status the HTTP status code
     * @param type the {@code error.type}, or null
     * @param code the {@code error.code}, or null
     * @param param the {@code error.param}, or null
     * @param message the {@code error.message}, or null
     * @param requestId the {@code x-request-id}, or null
     * @param attempts how many attempts were made, the first included
     * @param headers the response headers, credentials redacted
     */
    public ApiError(int status, @Nullable String type, @Nullable String code, @Nullable String param,
            @Nullable String message, @Nullable String requestId, int attempts, Headers headers) {
        this(status, type, code, param, message, requestId, attempts, headers, null);
    }

    /**
     * An error without response headers or a server retry delay.
     *
     * @param status the HTTP status code
     * @param type the {@code error.type}, or null
     * @param code the {@code error.code}, or null
     * @param param the {@code error.param}, or null
     * @param message the {@code error.message}, or null
     * @param requestId the {@code x-request-id}, or null
     * @param attempts how many attempts were made, the first included
     */
    public ApiError(int status, @Nullable String type, @Nullable String code, @Nullable String param,
            @Nullable String message, @Nullable String requestId, int attempts) {
        this(status, type, code, param, message, requestId, attempts, Headers.empty(), null);
    }
}
