package dev.runlist.transport.apache;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A loopback server: {@code /redirect} answers 301 to {@code /target}; anything else echoes {@code X-Probe}. */
final class HeaderEchoServer implements AutoCloseable {
    private final HttpServer server;

    HeaderEchoServer() throws IOException {
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

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
