package dev.runlist.spi;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP exchange and hands back the response as it arrives.
 *
 * <p>Implementations are thread-safe and shared by every request of a client. They must not retry,
 * follow redirects or decompress bodies; the core does what is needed.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends {@code request} and returns once the status line and headers have arrived; the body is
     * then read from {@link TransportResponse#body()} as it streams in.
     *
     * @param request the request to send
     * @return the response, whose body the caller must close
     * @throws IOException when the exchange fails (connect refused, timeout, reset); the message names
     *     the host
     */
    TransportResponse execute(TransportRequest request) throws IOException;

    /**
     * Sends {@code request} without blocking the caller. The future fails with an {@link IOException}
     * where {@link #execute} would throw one; cancelling it aborts the exchange and releases its
     * connection.
     *
     * @param request the request to send
     * @return the response, when its headers have arrived
     */
    CompletableFuture<TransportResponse> executeAsync(TransportRequest request);

    /**
     * Releases the connections and threads the transport created; a client the user handed to the
     * transport is left open. Idempotent; does not throw. (On Java 17 the JDK {@code HttpClient} has no
     * {@code close()}: its selector thread ends once the client is unreachable.)
     */
    @Override
    void close();
}
