package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.ListRunsParams;
import dev.runlist.RunPage;
import dev.runlist.RunsClient;
import dev.runlist.RunsListener.RetryScheduled;
import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.RateLimitException;
import dev.runlist.errors.RunlistException;
import dev.runlist.model.ErrorObject;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scripted faults seen through {@link RunsClient}, with its retries counted in the journal. */
class FaultsTest {

    private FakeRunsApi fake;

    @BeforeEach
    void start() {
        fake = FakeRunsApi.create();
        fake.seedThread("thread_1", 30, 7);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private RunsClient client(String mode) {
        if (mode.equals("memory")) {
            return fake.client();
        }
        return RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).baseUrl(fake.startHttp())
                .transport(new HttpClientTransport()).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void retriesTwoServerErrorsThenReturnsThePage(String mode) {
        fake.failNext(2, Fault.status(503));
        RunPage page = client(mode).list("thread_1");
        assertThat(page.data()).hasSize(20);
        assertThat(fake.requestCount()).isEqualTo(3);
        assertThat(fake.requests()).extracting(RecordedRequest::requestLine).containsOnly("GET /v1/threads/thread_1/runs");
        assertThat(fake.pendingFaults()).isZero();
    }

    @Test
    void givesUpAfterTheRetriesWithTheLastError() {
        fake.failNext(5, Fault.status(500));
        assertThatThrownBy(() -> fake.client().list("thread_1"))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.error().message()).isEqualTo(
                            "The server had an error while processing your request. Sorry about that!");
                });
        assertThat(fake.requestCount()).isEqualTo(3);
        assertThat(fake.pendingFaults()).isEqualTo(2);
    }

    @Test
    void honoursRetryAfterInSeconds() {
        fake.enqueue(Fault.status(429).header("Retry-After", "1"));
        RecordingListener events = new RecordingListener();
        try (RunsClient client = listenedTo(events)) {
            assertThat(client.list("thread_1").data()).hasSize(20);
        }
        assertThat(events.of(RetryScheduled.class)).extracting(RetryScheduled::delay).containsExactly(Duration.ofSeconds(1));
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void honoursRetryAfterMs() {
        fake.enqueue(Fault.status(429).header("retry-after-ms", "300"));
        RecordingListener events = new RecordingListener();
        try (RunsClient client = listenedTo(events)) {
            client.list("thread_1");
        }
        assertThat(events.of(RetryScheduled.class)).extracting(RetryScheduled::delay).containsExactly(Duration.ofMillis(300));
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    /** A client on the fake whose events, each retry with the delay it waits among them, go to {@code events}. */
    private RunsClient listenedTo(RecordingListener events) {
        return RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).transport(fake.transport()).listener(events).build();
    }

    @Test
    void xShouldRetryFalseStopsRetries() {
        fake.enqueue(Fault.status(503).header("x-should-retry", "false"));
        assertThatThrownBy(() -> fake.client().list("thread_1"))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void aCustomErrorEnvelopeReachesTheException() {
        fake.enqueue(Fault.status(429).error(new ErrorObject("slow down", "tokens", null, "rate_limit_exceeded")));
        RunsClient noRetry = RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).transport(fake.transport())
                .maxRetries(0).build();
        assertThatThrownBy(() -> noRetry.list("thread_1")).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.error().message()).isEqualTo("slow down");
            assertThat(e.error().type()).isEqualTo("tokens");
            assertThat(e.requestId()).startsWith("req_");
        });
        noRetry.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void retriesATruncatedBody(String mode) {
        fake.enqueue(Fault.truncatedBody());
        assertThat(client(mode).list("thread_1").data()).hasSize(20);
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void retriesADroppedConnection(String mode) {
        fake.enqueue(Fault.dropConnection());
        assertThat(client(mode).list("thread_1").data()).hasSize(20);
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    // In memory only: over HTTP, java.net.http.HttpClient itself resends a GET once when the connection
    // closes before any response, so the journal holds more requests than the client made attempts.
    @Test
    void droppedConnectionsExhaustTheRetriesAsAConnectionException() {
        fake.failNext(3, Fault.dropConnection());
        assertThatThrownBy(() -> client("memory").list("thread_1")).isInstanceOf(ConnectionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void aMalformedBodyIsADecodeExceptionNotRetried(String mode) {
        fake.enqueue(Fault.malformedBody());
        assertThatThrownBy(() -> client(mode).list("thread_1")).isInstanceOf(DecodeException.class);
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void anHtmlPageFromAProxyIsATypedErrorWithASnippet() {
        fake.failNext(3, Fault.htmlError(502));
        assertThatThrownBy(() -> fake.client().list("thread_1"))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("502 Bad Gateway");
                });
    }

    @Test
    void anExhaustedScriptAnswersNormallyInsteadOfRepeating() {
        fake.enqueue(Fault.status(500));
        RunsClient noRetry = RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).transport(fake.transport())
                .maxRetries(0).build();
        assertThatThrownBy(() -> noRetry.list("thread_1")).isInstanceOf(InternalServerException.class);
        assertThat(noRetry.list("thread_1").data()).hasSize(20);
        assertThat(noRetry.list("thread_1").data()).hasSize(20);
        assertThat(fake.requestCount()).isEqualTo(3);
        noRetry.close();
    }

    @Test
    void failWhenMatchesOnlyItsRequestsAndOnlyAsOftenAsAsked() {
        fake.failWhen(r -> r.queryParam("after").isPresent(), Fault.status(500), 1);
        fake.enqueue(Fault.status(502));
        assertThat(fake.client().listAll("thread_1").stream().count()).isEqualTo(30);
        // page 1: 502 (queue), retry ok; page 2 (after=...): 500 (rule), retry ok.
        assertThat(fake.requests()).extracting(r -> r.queryParam("after").isPresent())
                .containsExactly(false, false, true, true);
        assertThat(fake.pendingFaults()).isZero();
    }

    @Test
    void latencyDelaysTheAnswerAndIsBoundedByTheClientsTimeout() {
        TestSleeper sleeper = new TestSleeper(false);
        try (FakeRunsApi timed = FakeRunsApi.builder().sleeper(sleeper).build();
                RunsClient impatient = RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY)
                        .transport(timed.transport()).timeout(Duration.ofMillis(200)).maxRetries(0).build()) {
            timed.seedThread("thread_1", 30, 7);
            timed.enqueue(Fault.latency(Duration.ofMillis(150)));
            assertThat(impatient.list("thread_1").data()).hasSize(20);
            assertThat(sleeper.delays).containsExactly(Duration.ofMillis(150));

            sleeper.delays.clear();
            timed.enqueue(Fault.latency(Duration.ofSeconds(10)));
            assertThatThrownBy(() -> impatient.list("thread_1")).isInstanceOf(RunlistException.class);
            assertThat(sleeper.delays).hasSize(1).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(200)));
        }
    }

    @Test
    void cancellingAnAsyncCallAbortsTheDelayedExchange() throws Exception {
        TestSleeper sleeper = new TestSleeper(true);
        try (FakeRunsApi gated = FakeRunsApi.builder().sleeper(sleeper).build()) {
            gated.seedThread("thread_1", 30, 7);
            gated.enqueue(Fault.latency(Duration.ofSeconds(3)));
            CompletableFuture<TransportResponse> f = gated.transport().executeAsync(TransportRequest.get(
                    URI.create("http://fake.invalid/v1/threads/thread_1/runs"), authorized()));
            sleeper.awaitWaits(1); // the exchange took its fault and waits
            assertThat(f.cancel(true)).isTrue();
            assertThat(f).isCancelled();
            // The fake keeps serving at once: the cancelled exchange no longer occupies it, and the
            // gate is still closed, so an answer proves nothing waits on it.
            assertThat(gated.client().list("thread_1").data()).hasSize(20);
            assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(3));
        }
    }

    @Test
    void inMemoryAnAnswerDueAtOnceIsGivenOnTheCallersThread() throws Exception {
        TransportRequest request = TransportRequest.get(URI.create("http://fake.invalid/v1/threads/thread_1/runs"),
                authorized());
        CompletableFuture<TransportResponse> page = fake.transport().executeAsync(request);
        // Already done when executeAsync returns: a listing in memory hands no page to another thread.
        assertThat(page).isCompleted();
        try (TransportResponse r = page.join()) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(fake.requestCount()).isEqualTo(1);
        }
        fake.enqueue(Fault.latency(Duration.ofMillis(50)));
        CompletableFuture<TransportResponse> delayed = fake.transport().executeAsync(request);
        assertThat(fake.requestCount()).as("recorded on arrival, before its scripted wait").isEqualTo(2);
        try (TransportResponse r = delayed.get(5, TimeUnit.SECONDS)) {
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void inMemoryDropAndTruncationFailAsIoExceptions() throws Exception {
        TransportRequest request = TransportRequest.get(URI.create("http://fake.invalid/v1/threads/thread_1/runs"),
                authorized());
        fake.enqueue(Fault.dropConnection());
        assertThatThrownBy(() -> fake.transport().execute(request)).isInstanceOf(IOException.class);
        fake.enqueue(Fault.dropConnection());
        assertThat(fake.transport().executeAsync(request)).failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IOException.class);
        fake.enqueue(Fault.truncatedBody());
        try (TransportResponse r = fake.transport().execute(request)) {
            int length = Integer.parseInt(r.headers().firstValue("Content-Length").orElseThrow());
            InputStream body = r.body();
            byte[] half = body.readNBytes(length / 2);
            assertThat(half).hasSize(length / 2);
            assertThatThrownBy(body::read).isInstanceOf(IOException.class);
        }
    }

    @Test
    void overHttpADropClosesTheConnectionWithoutAResponseAndATruncationStopsMidBody() throws Exception {
        URI base = URI.create(fake.startHttp());
        String request = "GET /v1/threads/thread_1/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + FakeRunsApi.DEFAULT_API_KEY + "\r\nOpenAI-Beta: assistants=v2\r\n\r\n";
        fake.enqueue(Fault.dropConnection());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
        fake.enqueue(Fault.truncatedBody());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String received = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int split = received.indexOf("\r\n\r\n");
            int announced = Integer.parseInt(received.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                    .findFirst().orElseThrow().substring(15).trim());
            int bodyBytes = received.substring(split + 4).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertThat(received).startsWith("HTTP/1.1 200");
            assertThat(bodyBytes).isEqualTo(announced / 2);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        fake.enqueue(Fault.truncatedBody());
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/threads/thread_1/runs"))
                        .header("Authorization", "Bearer " + FakeRunsApi.DEFAULT_API_KEY)
                        .header("OpenAI-Beta", "assistants=v2").build(), HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void takeRequestFailsFastNamingTheWait() {
        fake.client().list("thread_1");
        RecordedRequest r = fake.takeRequest();
        assertThat(r.sequence()).isZero();
        assertThat(r.threadId()).isEqualTo("thread_1");
        assertThat(r.header("authorization")).contains("Bearer " + FakeRunsApi.DEFAULT_API_KEY);
        assertThat(r.toString()).doesNotContain(FakeRunsApi.DEFAULT_API_KEY);
        assertThatThrownBy(() -> fake.takeRequest(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("within 50 ms");
        fake.clearJournal();
        assertThat(fake.requestCount()).isZero();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aFakeWithoutAJournalCountsRequestsButKeepsNone() {
        try (FakeRunsApi quiet = FakeRunsApi.builder().recordRequests(false).build()) {
            quiet.seedThread("thread_1", 30, 7);
            quiet.failWhen(r -> r.queryParam("after").isPresent(), Fault.status(500), 1);
            assertThat(quiet.client().listAll("thread_1").stream().count()).isEqualTo(30);
            assertThat(quiet.requestCount()).isEqualTo(3); // page 1, the 500 on page 2, its retry
            assertThat(quiet.requests()).isEmpty();
            assertThatThrownBy(quiet::takeRequest).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("keeps no journal").hasMessageContaining("3 requests arrived");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void aRawBodyArrivesByteForByteWithItsStatusAndHeaders(String mode) throws Exception {
        byte[] bytes = {'{', 0, (byte) 0xff, '\r', '\n', '}'};
        fake.enqueue(Fault.body(202, bytes).header("Content-Type", "text/plain").header("X-Extra", "1"));
        bytes[0] = 'x'; // the fault holds its own copy
        try (TransportResponse r = send(mode)) {
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.headers().firstValue("Content-Type")).contains("text/plain");
            assertThat(r.headers().values("Content-Type")).hasSize(1);
            assertThat(r.headers().firstValue("X-Extra")).contains("1");
            assertThat(r.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
            assertThat(r.headers().firstValue("Content-Length")).contains("6");
            assertThat(r.body().readAllBytes()).containsExactly('{', 0, (byte) 0xff, '\r', '\n', '}');
        }
        fake.enqueue(Fault.body(200, ""));
        try (TransportResponse r = send(mode)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(r.body().readAllBytes()).isEmpty();
        }
        assertThat(fake.pendingFaults()).isZero();
        assertThat(Fault.body(200, "null").toString()).isEqualTo("Fault[body 200, 4 bytes]");
        assertThatThrownBy(() -> Fault.body(600, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private TransportResponse send(String mode) throws IOException {
        if (mode.equals("memory")) {
            return fake.transport().execute(TransportRequest.get(
                    URI.create("http://fake.invalid/v1/threads/thread_1/runs"), authorized()));
        }
        return new HttpClientTransport().execute(TransportRequest.get(
                URI.create(fake.startHttp() + "/threads/thread_1/runs"), authorized()));
    }

    private static Headers authorized() {
        return Headers.builder().add("Authorization", "Bearer " + FakeRunsApi.DEFAULT_API_KEY)
                .add("OpenAI-Beta", "assistants=v2").build();
    }

    @Test
    void theClientCarriesParamsOnEveryPage() {
        fake.clearJournal();
        fake.client().listAll("thread_1", ListRunsParams.builder().limit(10).header("X-Trace", "t1").build())
                .forEach(run -> { });
        assertThat(fake.requests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.header("X-Trace")).contains("t1");
            assertThat(r.queryParam("limit")).contains("10");
        });
    }
}
