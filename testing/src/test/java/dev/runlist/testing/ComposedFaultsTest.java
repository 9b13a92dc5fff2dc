package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.json.RunsJson;
import dev.runlist.model.ErrorObject;
import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults composed from their parts (status, headers, body, a delay before the headers, a pace for
 * the body, a cut, a dropped connection) arrive the same in memory and over HTTP. The fake's waits
 * go through a {@link Sleeper} the test controls, so no test waits for time to pass.
 */
class ComposedFaultsTest {

    private FakeRunsApi fake;
    private TestSleeper sleeper;

    private void start(boolean hold) {
        sleeper = new TestSleeper(hold);
        fake = FakeRunsApi.builder().sleeper(sleeper).build();
        fake.seedThread("thread_1", 30, 7);
    }

    @AfterEach
    void stop() {
        if (sleeper != null) {
            sleeper.release();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private Transport transport(String mode) {
        return mode.equals("memory") ? fake.transport() : new HttpClientTransport();
    }

    private TransportRequest request(String mode, Duration timeout) {
        String base = mode.equals("memory") ? "http://fake.invalid/v1" : fake.startHttp();
        return new TransportRequest("GET", URI.create(base + "/threads/thread_1/runs"), Headers.builder()
                .add("Authorization", "Bearer " + FakeRunsApi.DEFAULT_API_KEY)
                .add("OpenAI-Beta", "assistants=v2").build(), timeout);
    }

    private byte[] normalPage(String mode) throws IOException {
        try (TransportResponse r = transport(mode).execute(request(mode, null))) {
            return r.body().readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void a503AfterTwoSecondsSendsNothingBeforeTheDelayEnds(String mode) throws Exception {
        start(true);
        fake.enqueue(Fault.status(503).delayHeaders(Duration.ofSeconds(2)).header("Retry-After", "1"));
        CompletableFuture<TransportResponse> response = transport(mode).executeAsync(request(mode, null));
        sleeper.awaitWaits(1);
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(2));
        assertThat(response).as("no headers while the fake waits").isNotDone();
        sleeper.release();
        try (TransportResponse r = response.get(10, TimeUnit.SECONDS)) {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
            ErrorObject error = RunsJson.standard().readError(r.body().readAllBytes()).orElseThrow();
            assertThat(error.message()).isEqualTo("The engine is currently overloaded, please try again later.");
        }
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void a500WhoseBodyIsCutOffAnnouncesTheWholeBodyAndStops(String mode) throws Exception {
        start(false);
        byte[] envelope = RunsJson.standard().writeError(ApiErrors.forStatus(500));
        fake.enqueue(Fault.status(500).cutBodyAt(20));
        try (TransportResponse r = transport(mode).execute(request(mode, null))) {
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.headers().firstValue("Content-Length")).contains(Integer.toString(envelope.length));
            InputStream body = r.body();
            byte[] received = body.readNBytes(20);
            assertThat(received).containsExactly(java.util.Arrays.copyOf(envelope, 20));
            assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
        }
        assertThat(normalPage(mode)).as("the fault was used once").isNotEmpty();
    }

    @Test
    void inMemoryADrippedBodyComesOnePieceAtATimeWithAPauseBeforeEachLaterPiece() throws Exception {
        start(false);
        byte[] page = normalPage("memory");
        fake.enqueue(Fault.normal().throttleBody(100, Duration.ofMillis(50)));
        try (TransportResponse r = fake.transport().execute(request("memory", null))) {
            assertThat(sleeper.delays).as("nothing delays the headers").isEmpty();
            InputStream body = r.body();
            byte[] buf = new byte[1000];
            assertThat(body.read(buf)).isEqualTo(100);
            assertThat(sleeper.delays).isEmpty();
            assertThat(body.read(buf)).isEqualTo(100);
            assertThat(sleeper.delays).containsExactly(Duration.ofMillis(50));
            byte[] rest = body.readAllBytes();
            assertThat(200 + rest.length).isEqualTo(page.length);
        }
        assertThat(sleeper.delays).hasSize((page.length + 99) / 100 - 1).containsOnly(Duration.ofMillis(50));
    }

    @Test
    void overHttpTheHeadersArriveWhileTheBodyIsStillDripping() throws Exception {
        start(true);
        byte[] page = normalPage("http");
        fake.enqueue(Fault.normal().throttleBody(100, Duration.ofMillis(50)));
        CompletableFuture<TransportResponse> response = new HttpClientTransport().executeAsync(request("http", null));
        sleeper.awaitWaits(1); // the server sent the first piece and waits before the second
        try (TransportResponse r = response.get(10, TimeUnit.SECONDS)) {
            assertThat(r.status()).isEqualTo(200);
            byte[] first = r.body().readNBytes(100);
            assertThat(first).containsExactly(java.util.Arrays.copyOf(page, 100));
            assertThat(sleeper.delays).containsExactly(Duration.ofMillis(50));
            sleeper.release();
            byte[] rest = r.body().readAllBytes();
            assertThat(rest).containsExactly(java.util.Arrays.copyOfRange(page, 100, page.length));
        }
        assertThat(sleeper.delays).hasSize((page.length + 99) / 100 - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void delayPaceAndCutCombineInOneFault(String mode) throws Exception {
        start(false);
        Fault fault = Fault.status(429).delayHeaders(Duration.ofSeconds(1)).throttleBody(10, Duration.ofMillis(5))
                .cutBodyAt(25).header("retry-after-ms", "7");
        fake.enqueue(fault);
        try (TransportResponse r = transport(mode).execute(request(mode, null))) {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.headers().firstValue("retry-after-ms")).contains("7");
            InputStream body = r.body();
            assertThat(body.readNBytes(25)).hasSize(25);
            assertThatThrownBy(body::read).isInstanceOf(IOException.class);
        }
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(5), Duration.ofMillis(5));
    }

    @Test
    void inMemoryTheScriptedWaitsCountAgainstTheRequestTimeout() throws Exception {
        start(false);
        fake.enqueue(Fault.latency(Duration.ofSeconds(10)));
        assertThatThrownBy(() -> fake.transport().execute(request("memory", Duration.ofMillis(200))))
                .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("response headers");
        assertThat(sleeper.delays).containsExactly(Duration.ofMillis(200));

        sleeper.delays.clear();
        fake.enqueue(Fault.normal().throttleBody(10, Duration.ofMillis(100)));
        try (TransportResponse r = fake.transport().execute(request("memory", Duration.ofMillis(250)))) {
            InputStream body = r.body();
            assertThat(body.readNBytes(30)).hasSize(30);
            assertThatThrownBy(body::read).isInstanceOf(SocketTimeoutException.class).hasMessageContaining("body");
        }
        assertThat(sleeper.delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofMillis(50));
    }

    @Test
    void inMemoryADelayedDropFailsAfterItsDelay() {
        start(false);
        fake.enqueue(Fault.dropConnection().delayHeaders(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> fake.transport().execute(request("memory", null)))
                .isInstanceOf(IOException.class).hasMessageContaining("closed before any response");
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void overHttpADelayedDropClosesTheConnectionWithoutAResponseAfterItsDelay() throws Exception {
        start(false);
        URI base = URI.create(fake.startHttp());
        fake.enqueue(Fault.dropConnection().delayHeaders(Duration.ofSeconds(3)));
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v1/threads/thread_1/runs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + FakeRunsApi.DEFAULT_API_KEY + "\r\nOpenAI-Beta: assistants=v2\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void theShorthandsAreCompositionsAndFaultsAreValues() {
        assertThat(Fault.latency(Duration.ofMillis(5))).isEqualTo(Fault.normal().delayHeaders(Duration.ofMillis(5)));
        assertThat(Fault.truncatedBody()).isEqualTo(Fault.normal().cutBodyInHalf());
        assertThat(Fault.status(503).header("Retry-After", "1")).isEqualTo(Fault.status(503).header("Retry-After", "1"))
                .isNotEqualTo(Fault.status(503));
        assertThat(Fault.status(503).delayHeaders(Duration.ofSeconds(2)).toString())
                .isEqualTo("Fault[503, headers after PT2S]");
        assertThat(Fault.status(500).cutBodyAt(10).toString()).isEqualTo("Fault[500, body cut after 10 bytes]");
        assertThat(Fault.normal().throttleBody(64, Duration.ofMillis(50)).toString())
                .isEqualTo("Fault[normal answer, body in 64-byte pieces every PT0.05S]");
        assertThatThrownBy(() -> Fault.normal().throttleBody(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.normal().cutBodyAt(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.normal().delayHeaders(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.body(200, "x").error(ApiErrors.forStatus(500)))
                .isInstanceOf(IllegalStateException.class);
    }
}
