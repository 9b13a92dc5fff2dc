package dev.runlist.spi;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP exchange and hands back the response as it arrives.
 *
 * <p>Implementations are thread-safe and shared by every request of a client. They must not retry,
 * follow redirects or decompress bodies; the core does what is needed.
 *
 * <p><b>How the client uses it, and what it relies on.</b> The client sends every exchange through
 * {@link #executeAsync}, blocking calls included (their caller waits on the future), and ends calls
 * early (deadline, {@code close()}, cancel, interrupt) by cancelling that future or closing the
 * response's body. So a transport must:
 * <ul>
 *   <li>abort the exchange when the future is cancelled, in any phase (waiting for a pooled
 *       connection, connecting, TLS, waiting for the headers), closing its connection;</li>
 *   <li>let the body be closed from another thread while a read is blocked in it: the read then
 *       fails, and the connection is closed;</li>
 *   <li>end a body read blocked waiting for bytes when the reading thread is interrupted, with an
 *       {@link java.io.InterruptedIOException} (or an {@link IOException} caused by the
 *       {@link InterruptedException}), leaving the interrupt flag set;</li>
 *   <li>fail, on {@link #close()}, every exchange still waiting for its headers.</li>
 * </ul>
 * The transport test kit's {@code ExchangeAbortSuite} and {@code CallLifecycleSuite} check each.
 *
 * <p>Known differences between the transports runlist ships (also in the README): the JDK client
 * sends a {@code GET} a second time, unseen, when a pooled connection closes before any response
 * byte arrives, so {@code maxRetries(0)} can mean two exchanges while {@code attempts()} counts one;
 * Apache HttpClient sends it once.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends {@code request} and returns once the status line and headers have arrived; the body is
     * then read from {@link TransportResponse#body()} as it streams in.
     *
     * @param request the request to send
     * @return the response, whose body the caller must close
     * @throws IOException when the exchange fails (connect refused, timeout, reset); the message need
     *     not name the request, since the client puts its method, host, port and path in front
     */
    TransportResponse execute(TransportRequest request) throws IOException;

    /**
     * Sends {@code request} without blocking the caller; the future completes when the headers have
     * arrived. It fails with an {@link IOException} where {@link #execute} would throw one; cancelling
     * it aborts the exchange in any phase and closes its connection. The request's
     * {@linkplain TransportRequest#timeout() timeout} bounds the wait for the headers, a pooled
     * connection included.
     *
     * @param request the request to send
     * @return the response, when its headers have arrived
     */
    CompletableFuture<TransportResponse> executeAsync(TransportRequest request);

    /**
     * Fails every exchange still waiting for its headers with an {@link IOException}, then releases
     * the connections and threads the transport created; a client the user handed to the transport is
     * left open. Returns within about a second. Idempotent; does not throw. (On Java 17 the JDK {@code HttpClient} has no
     * {@code close()}: its selector thread ends once the client is unreachable.)
     */
    @Override
    void close();
}
