package dev.runlist.transport.jdk;

import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import dev.runlist.transport.jdk.internal.DaemonThreads;
import dev.runlist.transport.jdk.internal.Failures;
import dev.runlist.transport.jdk.internal.PublisherBody;
import dev.runlist.transport.jdk.internal.ReadTimeoutInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A {@link Transport} on the JDK's {@link HttpClient}. Thread-safe; share one per application.
 *
 * <p>What it does with {@link TransportConfig}: connect timeout, proxy and {@code SSLContext} set up
 * the client it creates; the read timeout bounds the wait for the response headers (unless the
 * request carries its own timeout) and every blocking read of the body. Redirects are never followed
 * and bodies are never decompressed.
 *
 * <p>Limits of the JDK client, documented rather than hidden:
 * <ul>
 *   <li>{@code maxConnections} is not honoured: the JDK client has no per-client pool size; the only
 *       knob is the JVM-wide system property {@code jdk.httpclient.connectionPoolSize}.</li>
 *   <li>Java 17's {@code HttpClient} has no {@code close()}. {@link #close()} shuts down the executor
 *       and timer this transport owns and drops its reference to the client; the client's selector
 *       thread and pooled connections go away once the client is garbage collected (a few seconds
 *       after a GC).</li>
 *   <li>A hidden resend: when a pooled connection turns out closed before any byte of the response
 *       arrived, the JDK client sends a {@code GET} once more on a new connection by itself. The
 *       runlist core cannot see or prevent it, so {@code maxRetries(0)} can mean two exchanges while
 *       the exception's {@code attempts()} counts one. (Apache HttpClient sends it once.)</li>
 *   <li>On Java 17 the JDK's own body stream ({@code BodyHandlers.ofInputStream()}) swallows an
 *       interrupt; this transport reads the body from the JDK's publisher instead, so that an
 *       interrupted read ends and closes the connection.</li>
 * </ul>
 */
public final class JdkTransport implements Transport {

    private final TransportConfig config;
    private final ExecutorService ownedExecutor;
    private final ScheduledThreadPoolExecutor readTimer;
    private final Set<CompletableFuture<TransportResponse>> live = ConcurrentHashMap.newKeySet();
    private volatile HttpClient client;

    private JdkTransport(Builder b) {
        this.config = b.config;
        if (b.httpClient != null) {
            this.client = b.httpClient;
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = Executors.newCachedThreadPool(new DaemonThreads("runlist-jdk-"));
            this.client = newClient(config, ownedExecutor);
        }
        this.readTimer = new ScheduledThreadPoolExecutor(1, new DaemonThreads("runlist-jdk-read-timeout-"));
        this.readTimer.setRemoveOnCancelPolicy(true);
    }

    /** {@return a builder with the default {@link TransportConfig} and no client of the caller's} */
    public static Builder builder() {
        return new Builder();
    }

    private static HttpClient newClient(TransportConfig config, ExecutorService executor) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 only: over plain HTTP the JDK would otherwise send "Upgrade: h2c" on every
                // request, and one connection per exchange keeps behaviour predictable with proxies
                // and the loopback fake (cancelling closes the connection, not one stream of many).
                .version(HttpClient.Version.HTTP_1_1);
        if (config.proxy() != null) {
            b.proxy(ProxySelector.of(config.proxy()));
        }
        if (config.sslContext() != null) {
            b.sslContext(config.sslContext());
        }
        return b.build();
    }

    /**
     * Sends {@code request} and returns once the headers have arrived.
     *
     * @throws IOException when the exchange fails;
     *     {@link java.net.http.HttpTimeoutException} when the headers do not arrive in time, and
     *     {@link InterruptedIOException} when the calling thread is interrupted
     * @throws IllegalStateException when the transport is closed
     * @throws IllegalArgumentException when a header is one the JDK client refuses to set, such as
     *     {@code Host} or {@code Connection}
     */
    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        HttpClient c = openClient();
        try {
            return toResponse(c.send(toJdkRequest(request), BodyHandlers.ofPublisher()), request);
        } catch (IOException e) {
            throw Failures.wrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ie = new InterruptedIOException("interrupted while waiting for the response");
            ie.initCause(e);
            throw ie;
        }
    }

    /**
     * Sends {@code request} without blocking; the future completes when the headers have arrived.
     *
     * <p>Cancelling the returned future, in any phase (connecting, waiting for the headers), cancels
     * the JDK exchange's future, which closes its connection; should the response arrive anyway, its
     * body is closed at once, which makes the JDK close the connection. Either way the server sees the
     * connection closed. Closing the body before its end, from any thread, does the same and makes a
     * read blocked in it fail.
     */
    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        CompletableFuture<TransportResponse> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sent;
        try {
            sent = openClient().sendAsync(toJdkRequest(request), BodyHandlers.ofPublisher());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        live.add(result);
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(Failures.wrap(Failures.unwrap(failure)));
                return;
            }
            TransportResponse tr = toResponse(response, request);
            if (!result.complete(tr)) {
                Failures.closeQuietly(tr);
            }
        });
        result.whenComplete((r, e) -> {
            live.remove(result);
            if (e != null) {
                // Cancelled, or failed by close(): abort the exchange in whatever phase it is.
                sent.cancel(true);
            }
        });
        if (client == null) {
            result.completeExceptionally(closedFailure());
        }
        return result;
    }

    /**
     * Fails every exchange still waiting for its headers, shuts down the threads this transport owns
     * and forgets its client. A client given to {@link Builder#httpClient} is left as it is (its
     * exchanges started here are still aborted). Idempotent.
     */
    @Override
    public void close() {
        client = null;
        for (CompletableFuture<TransportResponse> f : live) {
            f.completeExceptionally(closedFailure());
        }
        readTimer.shutdownNow();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    private static IOException closedFailure() {
        return new IOException("aborted: the JdkTransport was closed");
    }

    private HttpClient openClient() {
        HttpClient c = client;
        if (c == null) {
            throw new IllegalStateException("this JdkTransport is closed; create a new one");
        }
        return c;
    }

    private HttpRequest toJdkRequest(TransportRequest request) {
        Duration timeout = request.timeout() != null ? request.timeout() : config.readTimeout();
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .method(request.method(), HttpRequest.BodyPublishers.noBody())
                .timeout(timeout);
        request.headers().toMap().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return b.build();
    }

    private TransportResponse toResponse(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, TransportRequest request) {
        Headers.Builder headers = Headers.builder();
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            if (!e.getKey().startsWith(":")) {
                e.getValue().forEach(v -> headers.add(e.getKey(), v));
            }
        }
        PublisherBody stream = new PublisherBody();
        response.body().subscribe(stream);
        InputStream body = new ReadTimeoutInputStream(stream, config.readTimeout(), readTimer);
        return new TransportResponse(response.statusCode(), headers.build(), body);
    }

    /** Builds a {@link JdkTransport}; not thread-safe. */
    public static final class Builder {
        private TransportConfig config = TransportConfig.defaults();
        private HttpClient httpClient;

        private Builder() {}

        /**
         * Sets the configuration; defaults to {@link TransportConfig#defaults()}.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder config(TransportConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Uses {@code value} as is instead of creating a client; {@code null} (the default) creates
         * one. Connect timeout, proxy, TLS and redirects are then the given client's own; the read
         * timeout still applies per request. {@link JdkTransport#close()} leaves this client alone.
         *
         * @param value the client, or {@code null}
         * @return this builder
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** {@return returns a new transport} */
        public JdkTransport build() {
            return new JdkTransport(this);
        }
    }
}
