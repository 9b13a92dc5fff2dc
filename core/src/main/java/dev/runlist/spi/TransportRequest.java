package dev.runlist.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the core hands it to a transport. Immutable.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param uri the absolute request URI, already percent-encoded
 * @param headers the request headers, sent as given
 * @param timeout how long this exchange may take at most, from sending to the end of the headers;
 *     {@code null} means the transport's read timeout alone bounds it
 */
public record TransportRequest(String method, URI uri, Headers headers, @Nullable Duration timeout) {

    /**
     * Checks that method, URI and headers are present and that the URI is absolute.
     *
     * @param method the HTTP method
     * @param uri the absolute URI
     * @param headers the headers
     * @param timeout the timeout
     */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("request URI must be absolute: " + uri);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * {@return a {@code GET} of {@code uri} with {@code headers} and no per-request timeout}
     *
     * @param uri the absolute URI
     * @param headers the headers
     */
    public static TransportRequest get(URI uri, Headers headers) {
        return new TransportRequest("GET", uri, headers, null);
    }

    /** Shows method and URI; header values that carry credentials are redacted. */
    @Override
    public String toString() {
        return "TransportRequest[" + method + " " + uri + ", headers=" + headers + ", timeout=" + timeout + "]";
    }
}
