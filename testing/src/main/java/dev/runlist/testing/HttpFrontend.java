package dev.runlist.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runlist.spi.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the handler on a JDK {@link HttpServer} bound to 127.0.0.1 on a free port, with its own
 * pool of {@value #THREADS} daemon threads (more requests at once wait their turn). Sets the JDK
 * property {@code sun.net.httpserver.nodelay} to {@code true} unless it is already set.
 */
final class HttpFrontend implements AutoCloseable {

    static final int THREADS = 16;

    static {
        // Without TCP_NODELAY, HttpServer's separate header and body writes meet the client's delayed
        // ACK and every small response takes about 40 ms. Read once by the JDK; a value the user set wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final FakeHandler handler;
    private final Sleeper sleeper;
    private final HttpServer server;
    private final ExecutorService executor;

    HttpFrontend(FakeHandler handler, Sleeper sleeper, int port) {
        this.handler = handler;
        this.sleeper = sleeper;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "runlist-fake-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 128);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("could not start the fake API's HTTP server on 127.0.0.1:" + port, e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (InputStream requestBody = exchange.getRequestBody()) {
            requestBody.readAllBytes();
        }
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Answer a = handler.handle(method, rawPath, exchange.getRequestURI().getRawQuery(), headersOf(exchange));
        Delivery delivery = new Delivery(a, sleeper, null, method + " " + rawPath);
        // Throwing before the headers makes HttpServer close the connection without a response, and
        // throwing with body bytes still owed makes it close the connection mid-body.
        delivery.awaitHeaders();
        a.headers().toMap().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        OutputStream out = exchange.getResponseBody();
        byte[] buf = new byte[64 * 1024];
        try (InputStream body = delivery.body()) {
            int n;
            while ((n = body.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        }
        out.close();
        exchange.close();
    }

    private static Headers headersOf(HttpExchange exchange) {
        Headers.Builder b = Headers.builder();
        for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
            for (String v : e.getValue()) {
                try {
                    b.add(e.getKey(), v);
                } catch (IllegalArgumentException invalid) {
                    // A header no client of ours could send; the fake ignores it rather than failing.
                }
            }
        }
        return b.build();
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
