package dev.runlist.transport.apache.internal;

import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Completes a future with a {@link TransportResponse} as soon as the headers arrive, then feeds the
 * body to the caller through a {@link PipedBody} as Apache reads it: no thread waits per exchange.
 * The Apache-level result ({@code Void}) completes at the end of the body.
 */
public final class StreamingResponseConsumer implements AsyncResponseConsumer<Void> {
    private final CompletableFuture<TransportResponse> headers;
    private final PipedBody body;
    private volatile FutureCallback<Void> endCallback;

    /** Completes {@code headers}; {@code body} receives the bytes. */
    public StreamingResponseConsumer(CompletableFuture<TransportResponse> headers, PipedBody body) {
        this.headers = headers;
        this.body = body;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
            FutureCallback<Void> resultCallback) {
        TransportResponse r;
        try {
            r = new TransportResponse(response.getCode(), HeaderMapping.fromApache(response.getHeaders()), body);
        } catch (RuntimeException e) {
            failed(e);
            throw e;
        }
        if (entityDetails == null) {
            body.end();
            resultCallback.completed(null);
        } else {
            endCallback = resultCallback;
        }
        if (!headers.complete(r)) {
            body.close();
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx responses carry nothing the core needs.
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        body.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        body.write(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        body.end();
        FutureCallback<Void> cb = endCallback;
        if (cb != null) {
            cb.completed(null);
        }
    }

    /** Fails the headers future if still pending, else the body's next read past what arrived. */
    @Override
    public void failed(Exception cause) {
        IOException e = Failures.wrap(cause);
        headers.completeExceptionally(e);
        body.fail(e);
    }

    @Override
    public void releaseResources() {
        // The body buffer belongs to the caller until they close it.
    }
}
