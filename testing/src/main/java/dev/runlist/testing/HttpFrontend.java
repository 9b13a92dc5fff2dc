package dev.runlist.testing;

import com.sun.net.httpserver.HttpExchange;
import dev.runlist.spi.Headers;
import dev.runlist.testing.internal.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Serves the fake's handler on a {@link LoopbackServer} bound to 127.0.0.1, with its own pool of
 * {@value #THREADS} daemon threads (more requests at once wait their turn).
 */
final class HttpFrontend implements AutoCloseable {

    static final int THREADS = 16;

    private final FakeHandler handler;
    private final Sleeper sleeper;
    private final LoopbackServer server;

    HttpFrontend(FakeHandler handler, Sleeper sleeper, int port) {
        this.handler = handler;
        this.sleeper = sleeper;
        try {
            server = new LoopbackServer("runlist-fake-http-", THREADS, port);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("could not start the fake API's HTTP server on 127.0.0.1:" + port, e.getCause());
        }
        server.handle(this::serve);
    }

    int port() {
        return server.port();
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
        server.close();
    }
}
