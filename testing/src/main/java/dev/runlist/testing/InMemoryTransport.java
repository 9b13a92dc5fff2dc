package dev.runlist.testing;

import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers the handler's answers without sockets: what would travel over HTTP (status, headers with
 * {@code Content-Length}, a body stream, a truncated body, a dropped connection, latency bounded by
 * the request's timeout) arrives the same way. Thread-safe; {@link #close()} does nothing, the fake
 * owns the resources.
 */
final class InMemoryTransport implements Transport {

    private final FakeHandler handler;
    private final ExecutorService async;

    InMemoryTransport(FakeHandler handler, ExecutorService async) {
        this.handler = handler;
        this.async = async;
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        if (async.isShutdown()) {
            throw new IOException("runlist's fake API is closed; " + describe(request) + " was not sent");
        }
        Answer a = handler.handle(request.method(), request.uri().getRawPath(), request.uri().getRawQuery(),
                request.headers());
        wait(a.delay(), request);
        if (a.delivery() == Answer.Delivery.DROP) {
            throw new IOException(describe(request) + ": the connection was closed before any response"
                    + " (scripted Fault.dropConnection())");
        }
        Headers headers = a.headers().toBuilder().set("Content-Length", Integer.toString(a.body().length)).build();
        InputStream body = a.delivery() == Answer.Delivery.TRUNCATED
                ? new TruncatedBody(a.body(), a.truncatedLength())
                : new ByteArrayInputStream(a.body());
        return new TransportResponse(a.status(), headers, body);
    }

    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        CompletableFuture<TransportResponse> result = new CompletableFuture<>();
        Future<?> task;
        try {
            task = async.submit(() -> {
                try {
                    TransportResponse response = execute(request);
                    if (!result.complete(response)) {
                        response.close();
                    }
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IOException("runlist's fake API is closed", e));
            return result;
        }
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                task.cancel(true);
            }
        });
        return result;
    }

    @Override
    public void close() {
        // The fake owns the executor and the state; closing one client's transport must not stop it.
    }

    private static void wait(Duration delay, TransportRequest request) throws IOException {
        if (delay.isZero()) {
            return;
        }
        Duration timeout = request.timeout();
        boolean timesOut = timeout != null && timeout.compareTo(delay) < 0;
        try {
            Thread.sleep((timesOut ? timeout : delay).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + describe(request));
        }
        if (timesOut) {
            throw new SocketTimeoutException(describe(request) + " timed out after " + timeout.toMillis()
                    + " ms waiting for the response headers");
        }
    }

    private static String describe(TransportRequest request) {
        return request.method() + " " + request.uri().getRawPath();
    }

    /** The first {@code sent} bytes of {@code body}, then an IOException, as if the connection closed. */
    private static final class TruncatedBody extends InputStream {
        private final ByteArrayInputStream sent;
        private final int expected;

        TruncatedBody(byte[] body, int sent) {
            this.sent = new ByteArrayInputStream(body, 0, sent);
            this.expected = body.length;
        }

        @Override
        public int read() throws IOException {
            int b = sent.read();
            if (b < 0) {
                throw closed();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = sent.read(buf, off, len);
            if (n < 0) {
                throw closed();
            }
            return n;
        }

        private IOException closed() {
            return new IOException("the connection closed before the body ended (Content-Length " + expected
                    + "; scripted Fault.truncatedBody())");
        }
    }
}
