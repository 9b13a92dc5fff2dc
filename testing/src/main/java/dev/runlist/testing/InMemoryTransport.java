package dev.runlist.testing;

import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers the handler's answers without sockets, through the same {@link Delivery} as the HTTP
 * front end: status, headers with {@code Content-Length}, the body as a stream (dripped or cut off
 * as scripted), a dropped connection, delays bounded by the request's timeout. Thread-safe; {@link #close()} does nothing, the fake
 * owns the resources.
 */
final class InMemoryTransport implements Transport {

    private final FakeHandler handler;
    private final ExecutorService async;
    private final Sleeper sleeper;

    InMemoryTransport(FakeHandler handler, ExecutorService async, Sleeper sleeper) {
        this.handler = handler;
        this.async = async;
        this.sleeper = sleeper;
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        return deliver(answer(request), request);
    }

    /**
     * Answers on the caller's thread when the answer is due at once, as most are: a listing in memory
     * then hands no page to another thread. Only a scripted wait before the headers (or a drop after
     * it) runs on the fake's executor, where cancelling the future interrupts it.
     */
    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        Answer a;
        try {
            a = answer(request);
            if (a.headersDelay().isZero() && !a.drop()) {
                return CompletableFuture.completedFuture(deliver(a, request));
            }
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
        CompletableFuture<TransportResponse> result = new CompletableFuture<>();
        Future<?> task;
        try {
            task = async.submit(() -> {
                try {
                    TransportResponse response = deliver(a, request);
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

    /** The fake's answer to {@code request}, which it records on arrival. */
    private Answer answer(TransportRequest request) throws IOException {
        if (async.isShutdown()) {
            throw new IOException("runlist's fake API is closed; " + describe(request) + " was not sent");
        }
        return handler.handle(request.method(), request.uri().getRawPath(), request.uri().getRawQuery(),
                request.headers());
    }

    /** Delivers {@code a}: waits for its headers as scripted, then returns them with the body to read. */
    private TransportResponse deliver(Answer a, TransportRequest request) throws IOException {
        Delivery delivery = new Delivery(a, sleeper, request.timeout(), describe(request));
        delivery.awaitHeaders();
        Headers headers = a.headers().toBuilder().set("Content-Length", Integer.toString(a.body().length)).build();
        return new TransportResponse(a.status(), headers, delivery.body());
    }

    @Override
    public void close() {
        // The fake owns the executor and the state; closing one client's transport must not stop it.
    }

    private static String describe(TransportRequest request) {
        return request.method() + " " + request.uri().getRawPath();
    }
}
