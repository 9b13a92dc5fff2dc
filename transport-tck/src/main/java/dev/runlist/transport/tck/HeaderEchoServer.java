package dev.runlist.transport.tck;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback server for a transport's own tests: {@code /redirect} answers 301 to {@code /target};
 * any other path answers 200 with the request's {@code X-Probe} header as its body ({@code null}
 * when absent).
 */
public final class HeaderEchoServer implements AutoCloseable {
    private final HttpServer server;

    /**
     * Starts the server on 127.0.0.1 and a free port.
     *
     * @throws IOException if it cannot listen
     */
    public HeaderEchoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().equals("/redirect")) {
                    exchange.getResponseHeaders().add("Location", "/target");
                    exchange.sendResponseHeaders(301, -1);
                    return;
                }
                String probe = String.valueOf(exchange.getRequestHeaders().getFirst("X-Probe"));
                byte[] body = probe.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /**
     * The address of a path on this server.
     *
     * @param path an encoded path
     * @return {@code http://127.0.0.1:port} followed by {@code path}
     */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
    }
}
