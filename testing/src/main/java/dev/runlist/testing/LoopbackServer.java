package dev.runlist.testing;

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

/** A JDK HttpServer on 127.0.0.1 and a free port whose single handler each test scripts. */
final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile HttpHandler handler = exchange -> {
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
    };

    LoopbackServer() {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "conformance-server-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Answers every following request with {@code h}. */
    void handle(HttpHandler h) {
        this.handler = h;
    }

    /** {@code http://127.0.0.1:port} followed by {@code rawPathAndQuery}, which must be encoded. */
    URI uri(String rawPathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + rawPathAndQuery);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            handler.handle(exchange);
        }
    }

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
