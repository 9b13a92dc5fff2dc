package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.errors.ApiException;
import dev.runlist.errors.AuthenticationException;
import dev.runlist.errors.BadRequestException;
import dev.runlist.errors.ConflictException;
import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.NotFoundException;
import dev.runlist.errors.PermissionDeniedException;
import dev.runlist.errors.RateLimitException;
import dev.runlist.errors.RunlistTimeoutException;
import dev.runlist.errors.UnexpectedStatusException;
import dev.runlist.errors.UnprocessableEntityException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retries, back-off headers, the overall timeout, error mapping and body decoding through the client. */
class RetryAndErrorTest {

    private static final String KEY = "sk-secret-key-42";

    private final ScriptedTransport transport = new ScriptedTransport();

    private RunsClient client(int maxRetries) {
        return RunsClient.builder().apiKey(KEY).transport(transport).maxRetries(maxRetries)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    }

    @ParameterizedTest
    @CsvSource({"408", "409", "429", "500", "502", "503", "504"})
    void retriesTransientStatusesThenSucceeds(int status) {
        transport.respond(status, Pages.error("try again", "server_error", null, null))
                .respond(200, Pages.page(false, "run_1"));
        assertThat(client(2).list("t").data()).hasSize(1);
        assertThat(transport.requests()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"400", "401", "403", "404", "422"})
    void neverRetriesOtherClientErrors(int status) {
        transport.respond(status, Pages.error("no", "invalid_request_error", null, null));
        assertThatThrownBy(() -> client(2).list("t")).isInstanceOf(ApiException.class);
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void givesUpAfterMaxRetriesWithTheAttemptCount() {
        for (int i = 0; i < 3; i++) {
            transport.respond(503, "<html>busy</html>", "x-request-id", "req_" + i);
        }
        assertThatThrownBy(() -> client(2).list("t"))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.requestId()).isEqualTo("req_2");
                    assertThat(e.getMessage()).contains("503").contains("req_2").contains("3 attempts")
                            .contains("non-JSON error body: <html>busy</html>");
                });
    }

    @Test
    void xShouldRetryOverridesTheStatus() {
        transport.respond(400, Pages.error("odd", "x", null, null), "x-should-retry", "true")
                .respond(200, Pages.page(false));
        client(2).list("t");
        assertThat(transport.requests()).hasSize(2);

        transport.respond(500, Pages.error("final", "x", null, null), "x-should-retry", "false");
        assertThatThrownBy(() -> client(2).list("t")).isInstanceOf(InternalServerException.class);
        assertThat(transport.requests()).hasSize(3);
    }

    @Test
    void honoursRetryAfterMsAndRetryAfterSeconds() {
        transport.respond(429, Pages.error("slow down", "requests", null, "rate_limit_exceeded"), "retry-after-ms", "150")
                .respond(429, Pages.error("slow down", "requests", null, "rate_limit_exceeded"), "Retry-After", "1")
                .respond(200, Pages.page(false));
        RecordingListener events = new RecordingListener();
        RunsClient.builder().apiKey(KEY).transport(transport).maxRetries(2)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).listener(events).build().list("t");
        List<RunsListener.RetryScheduled> retries = events.of(RunsListener.RetryScheduled.class);
        assertThat(transport.requests()).hasSize(3);
        assertThat(retries).extracting(RunsListener.RetryScheduled::delay)
                .containsExactly(Duration.ofMillis(150), Duration.ofSeconds(1));
        assertThat(retries).extracting(RunsListener.RetryScheduled::delaySource)
                .containsOnly(RunsListener.DelaySource.SERVER);
    }

    @Test
    void retriesConnectionErrorsThenReportsTheLastOne() {
        transport.fail(new ConnectException("Connection refused: api.example:443"))
                .fail(new ConnectException("Connection refused: api.example:443"));
        assertThatThrownBy(() -> client(1).list("t"))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("api.openai.com").contains("Connection refused").contains("2 attempts");
                    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
                });
    }

    @Test
    void anUntrustedCertificateIsNotRetriedButAHandshakeCutOffIs() {
        javax.net.ssl.SSLHandshakeException untrusted = new javax.net.ssl.SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target");
        untrusted.initCause(new java.security.cert.CertificateException("unable to find valid certification path"));
        transport.fail(untrusted);
        assertThatThrownBy(() -> client(2).list("t"))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("PKIX path building failed");
                    assertThat(e.getCause()).isSameAs(untrusted);
                });
        assertThat(transport.requests()).hasSize(1);

        javax.net.ssl.SSLPeerUnverifiedException wrongHost =
                new javax.net.ssl.SSLPeerUnverifiedException("Certificate for <api.example> doesn't match");
        transport.fail(new IOException("GET https://api.example failed", wrongHost));
        assertThatThrownBy(() -> client(2).list("t"))
                .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(transport.requests()).hasSize(2);

        javax.net.ssl.SSLHandshakeException cutOff =
                new javax.net.ssl.SSLHandshakeException("Remote host terminated the handshake");
        cutOff.initCause(new java.io.EOFException("SSL peer shut down incorrectly"));
        transport.fail(cutOff).respond(200, Pages.page(false, "run_1"));
        assertThat(client(2).list("t").data()).hasSize(1);
        assertThat(transport.requests()).hasSize(4);
    }

    @Test
    void targetNamedByTheTransportIsNotRepeated() {
        String target = "GET https://api.openai.com:443/v1/threads/t/runs";
        transport.fail(new ConnectException(target + " failed: Connection refused"));
        assertThatThrownBy(() -> client(0).list("t")).isInstanceOf(ConnectionException.class)
                .hasMessage(target + " failed: Connection refused (1 attempt)");
    }

    @Test
    void bodyCutOffByTheNetworkIsRetriedButMalformedBodyIsNot() {
        transport.respondCutOff("{\"object\":\"list\",\"data\":[").respond(200, Pages.page(false, "run_1"));
        assertThat(client(2).list("t").data()).hasSize(1);
        assertThat(transport.requests()).hasSize(2);

        transport.respond(200, "{\"object\":\"list\",\"data\":[}");
        assertThatThrownBy(() -> client(2).list("t")).isInstanceOf(DecodeException.class);
        assertThat(transport.requests()).hasSize(3);
    }

    @Test
    void overallTimeoutBoundsRetriesAndWaits() {
        for (int i = 0; i < 3; i++) {
            transport.respond(503, "busy");
        }
        RunsClient c = RunsClient.builder().apiKey(KEY).transport(transport).maxRetries(2)
                .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .timeout(Duration.ofMillis(500)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> c.list("t")).isInstanceOfSatisfying(RunlistTimeoutException.class, e -> {
            assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(e.getCause()).isInstanceOf(InternalServerException.class);
        });
        // A timeout measured: 2 s past the 500 ms deadline is the margin that holds with both cores busy.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void slowDripBodyIsBoundedByTheOverallTimeout() {
        transport.answer(request -> new dev.runlist.spi.TransportResponse(200, dev.runlist.spi.Headers.empty(),
                new java.io.InputStream() {
                    @Override
                    public int read() {
                        try {
                            Thread.sleep(20); // one byte every 20 ms: never trips a read timeout
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return ' ';
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        b[off] = (byte) read(); // like a socket: hands over what has arrived
                        return 1;
                    }
                }));
        RunsClient c = RunsClient.builder().apiKey(KEY).transport(transport).maxRetries(2)
                .timeout(Duration.ofMillis(400)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> c.list("t")).isInstanceOf(RunlistTimeoutException.class)
                .hasMessageContaining("400 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(400L, 2400L);
        assertThat(transport.requests()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
        "400, dev.runlist.errors.BadRequestException",
        "401, dev.runlist.errors.AuthenticationException",
        "403, dev.runlist.errors.PermissionDeniedException",
        "404, dev.runlist.errors.NotFoundException",
        "409, dev.runlist.errors.ConflictException",
        "422, dev.runlist.errors.UnprocessableEntityException",
        "429, dev.runlist.errors.RateLimitException",
        "500, dev.runlist.errors.InternalServerException",
        "418, dev.runlist.errors.UnexpectedStatusException",
        "302, dev.runlist.errors.UnexpectedStatusException"})
    void eachStatusHasItsExceptionType(int status, String type) throws Exception {
        transport.respond(status, Pages.error("m", "t", "p", "c"), "x-request-id", "req_9");
        assertThatThrownBy(() -> client(0).list("t")).isInstanceOf(Class.forName(type))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(status);
                    assertThat(e.error().param()).isEqualTo("p");
                    assertThat(e.error().code()).isEqualTo("c");
                    assertThat(e.error().type()).isEqualTo("t");
                    assertThat(e.error().message()).isEqualTo("m");
                    assertThat(e.requestId()).isEqualTo("req_9");
                });
        // referenced so the imports document the hierarchy
        assertThat(new Class<?>[] {BadRequestException.class, AuthenticationException.class, PermissionDeniedException.class,
                NotFoundException.class, ConflictException.class, UnprocessableEntityException.class, RateLimitException.class,
                UnexpectedStatusException.class}).hasSize(8);
    }

    @Test
    void badLimitErrorNamesTheParamAndTheApiKeyIsRedactedFromServerText() {
        transport.respond(400, Pages.error("Invalid 'limit': integer above maximum value.", "invalid_request_error",
                "limit", "integer_above_max_value"));
        transport.respond(401, Pages.error("Incorrect API key provided: " + KEY + ".", "invalid_request_error", null,
                "invalid_api_key"));
        assertThatThrownBy(() -> client(0).list("t")).hasMessageContaining("param=limit")
                .hasMessageContaining("integer_above_max_value");
        assertThatThrownBy(() -> client(0).list("t")).isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining(KEY).hasMessageContaining("<redacted>");
    }

    @Test
    void gzipBodiesAreDecoded() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(Pages.page(false, "run_gz").getBytes(StandardCharsets.UTF_8));
        }
        transport.respond(200, bytes.toByteArray(), "Content-Encoding", "gzip");
        assertThat(client(0).list("t").data().get(0).id()).isEqualTo("run_gz");
        assertThat(transport.requests().get(0).headers().firstValue("Accept-Encoding")).contains("gzip");
    }

    @Test
    void twoHundredWithAnErrorEnvelopeIsADecodeExceptionNamingIt() {
        transport.respond(200, Pages.error("thread is gone", "invalid_request_error", null, null));
        assertThatThrownBy(() -> client(0).list("t")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("thread is gone");
    }
}
