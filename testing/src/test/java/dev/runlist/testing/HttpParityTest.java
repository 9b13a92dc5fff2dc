package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP server answers raw requests exactly as the in-memory transport does, and close() frees its port. */
class HttpParityTest {

    private static final List<String[]> REQUESTS = List.of(
            new String[] {"GET", "/v1/threads/thread_1/runs", "key", "beta"},
            new String[] {"GET", "/v1/threads/thread_1/runs?limit=5&order=asc", "key", "beta"},
            new String[] {"GET", "/v1/threads/thread_1/runs?limit=3&after=CURSOR", "key", "beta"},
            new String[] {"GET", "/v1/threads/thread_1/runs?limit=3&before=CURSOR&order=asc", "key", "beta"},
            new String[] {"GET", "/v1/threads/a%2Fb%3Fc/runs?limit=100", "key", "beta"},
            new String[] {"GET", "/openai/threads/thread_1/runs?api-version=2024-05-01-preview", "azure", "beta"},
            new String[] {"GET", "/v1/threads/thread_1/runs?limit=101", "key", "beta"},
            new String[] {"GET", "/v1/threads/thread_1/runs?order=up", "key", "beta"},
            new String[] {"GET", "/v1/threads/thread_1/runs", null, "beta"},
            new String[] {"GET", "/v1/threads/thread_1/runs", "wrong", "beta"},
            new String[] {"GET", "/v1/threads/thread_1/runs", "key", null},
            new String[] {"GET", "/v1/threads/nope/runs", "key", "beta"},
            new String[] {"GET", "/v1/models", "key", "beta"},
            new String[] {"DELETE", "/v1/threads/thread_1/runs", "key", "beta"});

    @Test
    void answersRawRequestsExactlyAsTheInMemoryTransport() throws Exception {
        try (FakeRunsApi fake = FakeRunsApi.builder()
                .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC)).build()) {
            String cursor = fake.seedThread("thread_1", 40, 9).get(20).id();
            fake.seedThread("a/b?c", 3, 10);
            String base = fake.startHttp();
            String origin = base.substring(0, base.length() - "/v1".length());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String[] spec : REQUESTS) {
                String target = spec[1].replace("CURSOR", cursor);
                Headers headers = headers(spec[2], spec[3]);
                HttpRequest.Builder raw = HttpRequest.newBuilder(URI.create(origin + target))
                        .method(spec[0], HttpRequest.BodyPublishers.noBody());
                headers.toMap().forEach((n, vs) -> vs.forEach(v -> raw.header(n, v)));
                HttpResponse<byte[]> viaHttp = http.send(raw.build(), HttpResponse.BodyHandlers.ofByteArray());
                try (TransportResponse inMemory = fake.transport().execute(
                        new TransportRequest(spec[0], URI.create("http://fake.invalid" + target), headers, null))) {
                    byte[] body = inMemory.body().readAllBytes();
                    assertThat(viaHttp.statusCode()).as(target).isEqualTo(inMemory.status());
                    assertThat(viaHttp.body()).as(target).isEqualTo(body);
                    assertThat(viaHttp.headers().firstValue("content-type"))
                            .isEqualTo(inMemory.headers().firstValue("Content-Type"));
                    assertThat(viaHttp.headers().firstValue("content-length"))
                            .isEqualTo(inMemory.headers().firstValue("Content-Length"));
                    assertThat(viaHttp.headers().firstValue("x-request-id")).hasValueSatisfying(
                            id -> assertThat(id).matches("req_[0-9a-f]{32}"));
                    assertThat(viaHttp.headers().firstValue("openai-processing-ms")).isPresent();
                    assertThat(inMemory.headers().firstValue("openai-processing-ms")).isPresent();
                }
            }
            assertThat(fake.requests()).hasSize(2 * REQUESTS.size());
            assertThat(fake.requests().get(8).threadId()).isEqualTo("a/b?c");
        }
    }

    @Test
    void closeFreesThePort() throws Exception {
        FakeRunsApi fake = FakeRunsApi.create();
        URI base = URI.create(fake.startHttp());
        assertThat(fake.baseUrl()).isEqualTo(base.toString()).matches("http://127\\.0\\.0\\.1:\\d+/v1");
        fake.close();
        HttpClient http = HttpClient.newHttpClient();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(base.resolve("/v1/threads/t/runs")).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
        try (ServerSocket again = new ServerSocket(base.getPort(), 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(base.getPort());
        }
        fake.close(); // idempotent
    }

    private static Headers headers(String key, String beta) {
        Headers.Builder h = Headers.builder();
        if ("key".equals(key)) {
            h.add("Authorization", "Bearer " + FakeRunsApi.DEFAULT_API_KEY);
        } else if ("wrong".equals(key)) {
            h.add("Authorization", "Bearer sk-not-the-right-key-42");
        } else if ("azure".equals(key)) {
            h.add("api-key", FakeRunsApi.DEFAULT_API_KEY);
        }
        if (beta != null) {
            h.add("OpenAI-Beta", "assistants=v2");
        }
        return h.build();
    }
}
