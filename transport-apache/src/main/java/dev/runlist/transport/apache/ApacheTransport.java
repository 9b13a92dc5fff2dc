package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import dev.runlist.transport.apache.internal.ApacheClients;
import dev.runlist.transport.apache.internal.ClassicBody;
import dev.runlist.transport.apache.internal.ExchangeAbort;
import dev.runlist.transport.apache.internal.Failures;
import dev.runlist.transport.apache.internal.HeaderMapping;
import dev.runlist.transport.apache.internal.PipedBody;
import dev.runlist.transport.apache.internal.StreamingResponseConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;

/**
 * A {@link Transport} on Apache HttpClient 5. Thread-safe; share one per application.
 *
 * <p>{@link #execute} uses a classic (blocking) client; {@link #executeAsync} an async client, started
 * on first use, that parks no thread per exchange and streams each body to the caller through a
 * buffer of {@value #ASYNC_BODY_BUFFER} bytes with back-pressure. The clients this transport creates
 * pool at most {@code maxConnections} connections, time out connects and reads as configured, and
 * never retry, follow redirects, decompress or keep cookies. Nor do they log the API key, whatever
 * HttpClient's loggers are set to: they never log the wire, and the headers they log show
 * {@code Authorization} and {@code api-key} as {@code <redacted>}.
 *
 * <p>Limit: with the async client, a caller that stops reading a body for longer than the read
 * timeout while the buffer is full may see the exchange time out, as Apache then reads nothing.
 */
public final class ApacheTransport implements Transport {

    /** Bytes an async response body holds before the connection stops being read. */
    public static final int ASYNC_BODY_BUFFER = 256 * 1024;

    private final TransportConfig config;
    private final CloseableHttpClient classic;
    private final boolean ownsClassic;
    private final CloseableHttpAsyncClient userAsync;
    private final Set<CompletableFuture<TransportResponse>> live = ConcurrentHashMap.newKeySet();
    private CloseableHttpAsyncClient ownAsync;
    private PoolingAsyncClientConnectionManager ownAsyncPool;
    private volatile boolean closed;

    private ApacheTransport(Builder b) {
        this.config = b.config;
        this.ownsClassic = b.httpClient == null;
        this.classic = ownsClassic ? ApacheClients.classic(config) : b.httpClient;
        this.userAsync = b.httpAsyncClient;
    }

    /** {@return a builder with the default {@link TransportConfig} and no clients of the caller's} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code request} on the classic client and returns once the headers have arrived. Closing
     * the response before the end of its body aborts the exchange and discards the connection.
     *
     * @throws IOException when the exchange fails; a
     *     {@link java.net.SocketTimeoutException} when the headers do not arrive within the request's
     *     timeout or else the read timeout
     * @throws IllegalStateException when the transport is closed
     */
    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        checkOpen();
        HttpUriRequestBase apacheRequest = new HttpUriRequestBase(request.method(), request.uri());
        HeaderMapping.toApache(request.headers(), apacheRequest);
        ClassicHttpResponse response;
        try {
            response = classic.executeOpen(host(request.uri()), apacheRequest, context(request));
        } catch (IOException e) {
            throw Failures.wrap(e);
        }
        HttpEntity entity = response.getEntity();
        InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
        return new TransportResponse(response.getCode(), HeaderMapping.fromApache(response.getHeaders()),
                new ClassicBody(content, apacheRequest, response));
    }

    /**
     * Sends {@code request} on the async client; the future completes when the headers have arrived
     * and the body then streams in. Cancelling the future in any phase (waiting for a pooled
     * connection, connecting, waiting for the headers), or closing the body before its end, cancels
     * the Apache exchange and, on the async client this transport creates, discards its connection,
     * also when the exchange gets one only after the cancel. (On a client given to the builder only
     * the Apache future is cancelled, and HttpCore can lose a cancel that lands as the exchange moves
     * from one phase to the next; see {@link ExchangeAbort}.) The request's timeout bounds the wait
     * for a pooled connection and for the headers.
     */
    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        CompletableFuture<TransportResponse> result = new CompletableFuture<>();
        try {
            CloseableHttpAsyncClient client = asyncClient();
            BasicHttpRequest apacheRequest = new BasicHttpRequest(request.method(), request.uri());
            HeaderMapping.toApache(request.headers(), apacheRequest);
            HttpClientContext context = context(request);
            ExchangeAbort abort = ExchangeAbort.attachTo(context);
            PipedBody body = new PipedBody(ASYNC_BODY_BUFFER, config.readTimeout(), abort::abort);
            StreamingResponseConsumer consumer = new StreamingResponseConsumer(result, body);
            live.add(result);
            result.whenComplete((r, e) -> {
                live.remove(result);
                if (e != null) {
                    // Cancelled, or failed by close(): abort whatever phase the exchange is in.
                    abort.abort();
                }
            });
            abort.future(client.execute(new BasicRequestProducer(apacheRequest, null), consumer,
                    context, failuresTo(consumer)));
            if (closed) {
                result.completeExceptionally(closedFailure());
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Fails every exchange still waiting for its headers, then closes the clients this transport
     * created; their connections are closed at once, so bodies being read fail. Clients given to the
     * builder are left open (their exchanges started here are still aborted). Returns within about a
     * second. Idempotent.
     */
    @Override
    public void close() {
        CloseableHttpAsyncClient async;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            async = ownAsync;
        }
        for (CompletableFuture<TransportResponse> f : live) {
            f.completeExceptionally(closedFailure());
        }
        if (ownsClassic) {
            classic.close(CloseMode.IMMEDIATE);
        }
        if (async != null) {
            ApacheClients.shutDown(async, ownAsyncPool);
        }
    }

    private static IOException closedFailure() {
        return new IOException("aborted: the ApacheTransport was closed");
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this ApacheTransport is closed; create a new one");
        }
    }

    private synchronized CloseableHttpAsyncClient asyncClient() {
        checkOpen();
        if (userAsync != null) {
            return userAsync;
        }
        if (ownAsync == null) {
            ownAsyncPool = ApacheClients.asyncPool(config);
            ownAsync = ApacheClients.async(config, ownAsyncPool);
            ownAsync.start();
        }
        return ownAsync;
    }

    private static HttpClientContext context(TransportRequest request) {
        HttpClientContext context = HttpClientContext.create();
        if (request.timeout() != null) {
            context.setRequestConfig(ApacheClients.bounded(request.timeout()));
        }
        return context;
    }

    private static HttpHost host(URI uri) {
        return new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    private static FutureCallback<Void> failuresTo(StreamingResponseConsumer consumer) {
        return new FutureCallback<>() {
            @Override
            public void completed(Void ignored) {
                // The body's end was already handed over by the consumer.
            }

            @Override
            public void failed(Exception cause) {
                consumer.failed(cause);
            }

            @Override
            public void cancelled() {
                consumer.failed(new IOException("exchange cancelled"));
            }
        };
    }

    /** Builds an {@link ApacheTransport}; not thread-safe. */
    public static final class Builder {
        private TransportConfig config = TransportConfig.defaults();
        private CloseableHttpClient httpClient;
        private CloseableHttpAsyncClient httpAsyncClient;

        private Builder() {}

        /**
         * Sets the configuration for the clients the transport creates; defaults to {@link TransportConfig#defaults()}.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder config(TransportConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Uses {@code value} as is for {@link ApacheTransport#execute}; {@code null} (the default)
         * creates one from the config. The transport never closes it; its own retries, redirects and
         * decompression settings then apply.
         *
         * <p>Its logging is the caller's business too: the headers the transport adds are redacted in
         * HttpClient's header log ({@code org.apache.hc.client5.http.headers}), but its wire log
         * ({@code org.apache.hc.client5.http.wire}) prints the API key when at DEBUG unless the client
         * is built not to log the wire.
         *
         * @param value the classic client, or {@code null}
         * @return this builder
         */
        public Builder httpClient(CloseableHttpClient value) {
            this.httpClient = value;
            return this;
        }

        /**
         * Uses {@code value}, which the caller must have started, for
         * {@link ApacheTransport#executeAsync}; {@code null} (the default) creates one from the config
         * on first use. The transport never closes it.
         *
         * <p>Its logging is the caller's business too: the headers the transport adds are redacted in
         * HttpClient's header log ({@code org.apache.hc.client5.http.headers}), but its wire log
         * ({@code org.apache.hc.client5.http.wire}) prints the API key when at DEBUG unless the client
         * is built with an I/O session decorator that does not log, such as
         * {@code HttpAsyncClientBuilder.setIoSessionDecorator(session -> session)}.
         *
         * @param value the started async client, or {@code null}
         * @return this builder
         */
        public Builder httpAsyncClient(CloseableHttpAsyncClient value) {
            this.httpAsyncClient = value;
            return this;
        }

        /** {@return returns a new transport} */
        public ApacheTransport build() {
            return new ApacheTransport(this);
        }
    }
}
