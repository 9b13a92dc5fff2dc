package dev.runlist.testing;

import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal transport on {@link HttpClient} for these tests only: runlist-transport-jdk's own tests
 * depend on this module, so depending on it here would make a cycle.
 */
final class HttpClientTransport implements Transport {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        try {
            return toResponse(client.send(toRequest(request), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        return client.sendAsync(toRequest(request), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(HttpClientTransport::toResponse);
    }

    @Override
    public void close() {}

    private static HttpRequest toRequest(TransportRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .method(request.method(), HttpRequest.BodyPublishers.noBody());
        if (request.timeout() != null) {
            b.timeout(request.timeout());
        }
        request.headers().toMap().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Accept-Encoding")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return b.build();
    }

    private static TransportResponse toResponse(HttpResponse<InputStream> response) {
        Headers.Builder h = Headers.builder();
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            if (!e.getKey().startsWith(":")) {
                e.getValue().forEach(v -> h.add(e.getKey(), v));
            }
        }
        return new TransportResponse(response.statusCode(), h.build(), response.body());
    }
}
