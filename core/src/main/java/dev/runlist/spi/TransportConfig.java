package dev.runlist.spi;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link TransportProvider} should set up the transport it creates. Immutable; build one with
 * {@link #builder()}.
 *
 * <p>Defaults: connect timeout 10 s, read timeout 60 s, no proxy, the JVM's default
 * {@link SSLContext}, at most 64 connections.
 */
public final class TransportConfig {

    /** The default time allowed to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default time allowed between two reads of a response (and for the headers to arrive). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** The default size of the connection pool. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    private static final TransportConfig DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final @Nullable InetSocketAddress proxy;
    private final @Nullable SSLContext sslContext;
    private final int maxConnections;

    private TransportConfig(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.proxy = b.proxy;
        this.sslContext = b.sslContext;
        this.maxConnections = b.maxConnections;
    }

    /** {@return the configuration with every default} */
    public static TransportConfig defaults() {
        return DEFAULTS;
    }

    /** {@return a builder holding the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this configuration's values} */
    public Builder toBuilder() {
        return new Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .proxy(proxy)
                .sslContext(sslContext)
                .maxConnections(maxConnections);
    }

    /** {@return time allowed to open a TCP (and TLS) connection} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return time allowed for the response headers to arrive, and between two reads of the body} */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** {@return the HTTP proxy to tunnel through, or {@code null} for a direct connection} */
    public @Nullable InetSocketAddress proxy() {
        return proxy;
    }

    /** {@return the TLS context to use, or {@code null} for the JVM's default} */
    public @Nullable SSLContext sslContext() {
        return sslContext;
    }

    /**
     * The most connections the transport keeps open at once, per underlying client. A transport whose
     * stack has no per-client pool size (the JDK {@code HttpClient}) documents that it ignores it.
     *
     * @return the pool size
     */
    public int maxConnections() {
        return maxConnections;
    }

    @Override
    public String toString() {
        return "TransportConfig[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", proxy=" + proxy + ", sslContext=" + (sslContext == null ? "default" : "custom")
                + ", maxConnections=" + maxConnections + "]";
    }

    /** Builds a {@link TransportConfig}; not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private @Nullable InetSocketAddress proxy;
        private @Nullable SSLContext sslContext;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;

        private Builder() {}

        /**
         * Sets the connect timeout; must be positive.
         *
         * @param value the connect timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * Sets the read timeout; must be positive.
         *
         * @param value the read timeout
         * @return this builder
         */
        public Builder readTimeout(Duration value) {
            this.readTimeout = positive(value, "readTimeout");
            return this;
        }

        /**
         * Sets an HTTP proxy; {@code null} connects directly.
         *
         * @param value the proxy, or {@code null}
         * @return this builder
         */
        public Builder proxy(@Nullable InetSocketAddress value) {
            this.proxy = value;
            return this;
        }

        /**
         * Sets the TLS context; {@code null} uses the JVM's default.
         *
         * @param value the TLS context, or {@code null}
         * @return this builder
         */
        public Builder sslContext(@Nullable SSLContext value) {
            this.sslContext = value;
            return this;
        }

        /**
         * Sets the pool size; must be at least 1.
         *
         * @param value the most connections open at once
         * @return this builder
         */
        public Builder maxConnections(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + value);
            }
            this.maxConnections = value;
            return this;
        }

        /** {@return returns the configuration} */
        public TransportConfig build() {
            return new TransportConfig(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
