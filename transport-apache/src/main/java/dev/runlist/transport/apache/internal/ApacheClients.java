package dev.runlist.transport.apache.internal;

import dev.runlist.spi.TransportConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache clients a transport owns from a {@link TransportConfig}: pooled, with retries,
 * redirects, decompression and cookies all off, because the runlist core decides those.
 *
 * <p>They never log the API key, whatever HttpClient's loggers are set to: neither logs the wire
 * ({@code org.apache.hc.client5.http.wire}), and the headers they log
 * ({@code org.apache.hc.client5.http.headers}) show credentials as {@code <redacted>} (see
 * {@link HeaderMapping#toApache}).
 */
public final class ApacheClients {

    private ApacheClients() {}

    /** A classic (blocking) client. */
    public static CloseableHttpClient classic(TransportConfig config) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultConnectionConfig(connectionConfig(config))
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout(config.readTimeout())).build())
                .setConnectionFactory(new NoWireLogConnectionFactory());
        if (config.sslContext() != null) {
            pool.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(config.sslContext()).buildClassic());
        }
        HttpClientBuilder b = HttpClients.custom()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement();
        if (config.proxy() != null) {
            b.setProxy(new HttpHost(config.proxy().getHostString(), config.proxy().getPort()));
        }
        return b.build();
    }

    /** An async client, not yet started, whose I/O threads are named {@code runlist-apache-io-n}. */
    public static CloseableHttpAsyncClient async(TransportConfig config) {
        return async(config, asyncPool(config));
    }

    /** The connection pool of an async client, which its owner may close at once to end every connection. */
    public static PoolingAsyncClientConnectionManager asyncPool(TransportConfig config) {
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultConnectionConfig(connectionConfig(config))
                // One exchange per connection, as with the classic client: cancelling closes a
                // connection rather than one stream among many, and maxConnections means the same.
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build());
        if (config.sslContext() != null) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(config.sslContext()).buildAsync());
        }
        return pool.build();
    }

    /**
     * An async client on {@code pool}, not yet started, whose I/O threads are named
     * {@code runlist-apache-io-n} and whose exchanges an {@link ExchangeAbort} attached to their
     * context can abort for good.
     */
    public static CloseableHttpAsyncClient async(TransportConfig config, PoolingAsyncClientConnectionManager pool) {
        HttpAsyncClientBuilder b = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setThreadFactory(new DaemonThreads("runlist-apache-io-"))
                // Not the default LoggingIOSessionDecorator, which dumps every byte sent, credentials
                // included, when the wire logger is at DEBUG; the sessions are otherwise the same.
                .setIoSessionDecorator(session -> session)
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement();
        ExchangeAbort.install(b);
        if (config.proxy() != null) {
            b.setProxy(new HttpHost(config.proxy().getHostString(), config.proxy().getPort()));
        }
        return b.build();
    }

    /**
     * The per-request settings for a request with its own timeout: it bounds the wait for a pooled
     * connection and the wait for the response headers.
     */
    public static RequestConfig bounded(Duration requestTimeout) {
        return RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setConnectionRequestTimeout(timeout(requestTimeout))
                .setResponseTimeout(timeout(requestTimeout))
                .build();
    }

    /**
     * Shuts down a client this transport owns without blocking for long and without an ERROR in the
     * log: its pool is closed at once first, which ends every connection, then the client gracefully, which now has nothing to wait for.
     * (Closing the client itself with {@code IMMEDIATE} races its I/O reactor's own shutdown, which
     * then logs a {@code ClosedSelectorException} at ERROR.)
     */
    public static void shutDown(CloseableHttpAsyncClient client, PoolingAsyncClientConnectionManager pool) {
        pool.close(CloseMode.IMMEDIATE);
        client.close(CloseMode.GRACEFUL);
        try {
            client.awaitShutdown(TimeValue.ofMilliseconds(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ConnectionConfig connectionConfig(TransportConfig config) {
        return ConnectionConfig.custom()
                .setConnectTimeout(timeout(config.connectTimeout()))
                .setSocketTimeout(timeout(config.readTimeout()))
                .build();
    }

    private static Timeout timeout(Duration d) {
        return Timeout.of(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
