package dev.runlist.testing.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 with its own pool of daemon threads, answering every request
 * with one replaceable handler and closing each exchange after it: the fake API's HTTP front end and
 * the transport test kit's scripted servers. Sets the JDK property {@code sun.net.httpserver.nodelay}
 * to {@code true} unless it is already set. Not part of the API: exported only to
 * {@code dev.runlist.transport.tck}.
 */
public final class LoopbackServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY, HttpServer's separate header and body writes meet the client's delayed
        // ACK and every small response takes about 40 ms. Read once by the JDK; a value the user set wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile HttpHandler handler = exchange -> exchange.sendResponseHeaders(500, -1);

    /** A server on a free port whose threads are named {@code loopback-server-N}, as many as requests need. */
    public LoopbackServer() {
        this("loopback-server-", 0, 0);
    }

    /**
     * A server on {@code port} (0 for a free one).
     *
     * @param threadPrefix the names of its threads, followed by a number
     * @param threads the most requests served at once (more wait their turn), or 0 for no limit
     * @param port the port to listen on, or 0 for a free one
     * @throws UncheckedIOException if it cannot listen there; its cause is a
     *     {@link java.net.BindException} when the port is in use
     */
    public LoopbackServer(String threadPrefix, int threads, int port) {
        AtomicInteger count = new AtomicInteger();
        java.util.concurrent.ThreadFactory factory = r -> {
            Thread t = new Thread(r, threadPrefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = threads > 0 ? Executors.newFixedThreadPool(threads, factory) : Executors.newCachedThreadPool(factory);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1024);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("could not listen on 127.0.0.1:" + port, e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /**
     * Answers every following request with {@code h}.
     *
     * @param h the handler; the server closes each exchange after it
     */
    public void handle(HttpHandler h) {
        this.handler = h;
    }

    /**
     * The address of a path on this server.
     *
     * @param rawPathAndQuery an encoded path, with its query if any
     * @return {@code http://127.0.0.1:port} followed by {@code rawPathAndQuery}
     */
    public URI uri(String rawPathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + rawPathAndQuery);
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            handler.handle(exchange);
        }
    }

    /** Stops listening, ends its threads and waits up to 5 s for them. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
