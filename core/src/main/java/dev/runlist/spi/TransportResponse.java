package dev.runlist.spi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A response whose status and headers have arrived and whose body streams in as it is read.
 * Closing it closes the body and releases the connection; closing before the end of the body aborts
 * the exchange (the connection is discarded rather than drained). Safe to close more than once.
 *
 * @param status the HTTP status code
 * @param headers the response headers, case-insensitive and multi-valued
 * @param body the body as the server sends it (never decompressed by the transport); empty when
 *     there is none
 */
public record TransportResponse(int status, Headers headers, InputStream body) implements Closeable {

    /**
     * Checks that headers and body are present.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the body
     */
    public TransportResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
