package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.runlist.errors.DecodeException;
import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.PaginationException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.ErrorObject;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.FakeRunsApi;
import dev.runlist.testing.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad bodies over the transport under test give typed exceptions that name the problem: empty, HTML,
 * {@code null}, mistyped, truncated or error-shaped pages are {@link dev.runlist.errors.DecodeException}s
 * (not retried) or the status's exception, and an endless body or string stops at the decoder's
 * limits with bounded memory.
 *
 * <p>A transport subscribes by extending this class and implementing {@link #createTransport}; a
 * test it cannot pass may be overridden in the subclass with a comment saying why. Each test gets a
 * fresh fake; transports made through {@link #transport(TransportConfig)} are closed after it. Each
 * test takes at most 60 seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class DecodeFailureSuite extends ClientSuiteSupport {

    /** For subclasses, which JUnit instantiates once per test. */
    protected DecodeFailureSuite() {}

    // ---- bad inputs --------------------------------------------------------------------------------

    /** An empty 200 body is a DecodeException saying the body is empty, not retried. */
    @Test
    void emptyBodyIsADecodeException() {
        checkDecodeFailure(Fault.body(200, new byte[0]), "$", "the body is empty");
    }

    /** A 502 HTML page from a proxy is an InternalServerException quoting the page, after the retries. */
    @Test
    void htmlErrorPageIsAnInternalServerExceptionWithASnippet() {
        fake.failNext(2, Fault.htmlError(502));
        assertThatThrownBy(() -> client(1).list(THREAD))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.requestId()).startsWith("req_");
                })
                .hasMessageContaining("non-JSON error body")
                .hasMessageContaining("502 Bad Gateway");
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    /** An HTML page answered with 200 is a DecodeException, not retried. */
    @Test
    void htmlPageWithStatus200IsADecodeException() {
        Fault html = Fault.body(200, "<html><body><h1>Welcome to nginx!</h1></body></html>")
                .header("Content-Type", "text/html");
        checkDecodeFailure(html, "$", "malformed JSON: Unexpected character ('<'");
    }

    /** A JSON {@code null} body is a DecodeException saying an object was expected. */
    @Test
    void jsonNullIsADecodeException() {
        checkDecodeFailure(Fault.body(200, "null"), "$", "expected an object but found null");
    }

    /** A string where {@code created_at} needs an integer is a DecodeException naming {@code $.data[0].created_at}. */
    @Test
    void wrongTypeIsADecodeExceptionNamingThePath() {
        String page = new String(pageBody(3, false), StandardCharsets.UTF_8);
        String bad = page.replaceFirst("\"created_at\": (\\d+)", "\"created_at\": \"$1\"");
        assertThat(bad).isNotEqualTo(page);
        checkDecodeFailure(Fault.body(200, bad), "$.data[0].created_at", "expected an integer but found a string");
    }

    /** A page without {@code data} is a DecodeException naming the missing field. */
    @Test
    void missingDataIsADecodeException() {
        checkDecodeFailure(Fault.body(200, "{\"object\":\"list\",\"first_id\":null,\"last_id\":null,\"has_more\":false}"),
                "$", "missing required field 'data'");
    }

    /** A 200 carrying the error envelope is a DecodeException quoting the server's message. */
    @Test
    void errorEnvelopeWithStatus200IsADecodeExceptionQuotingIt() {
        byte[] envelope = JSON.writeError(new ErrorObject("The engine is currently overloaded, please try again later",
                "server_error", null, "engine_overloaded"));
        checkDecodeFailure(Fault.body(200, envelope), "$",
                "API error envelope, not a page of runs; its error.message is \"The engine is currently overloaded");
    }

    /** A gzip body cut mid-stream on a cleanly closed connection is a DecodeException, not retried. */
    @Test
    void truncatedGzipBodyIsADecodeException() throws IOException {
        byte[] gzip = gzip(pageBody(20, false));
        byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);
        // Where the decoder stops depends on how much inflated; any path will do, the problem must be named.
        checkDecodeFailure(Fault.body(200, cut).header("Content-Encoding", "gzip"), null, "Unexpected end of ZLIB input stream");
    }

    /** A page claiming {@code has_more} with no runs ends the listing with a PaginationException. */
    @Test
    void hasMoreWithAnEmptyPageIsAPaginationException() {
        fake.failNext(1, Fault.body(200, "{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,"
                + "\"has_more\":true}"));
        assertThatThrownBy(() -> client(1).listAll(THREAD).forEach(run -> { }))
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("claims has_more but holds no runs");
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    /** A second page repeating the first ends the listing with a PaginationException naming the repeated run. */
    @Test
    void repeatedCursorAcrossPagesIsAPaginationException() {
        List<Run> runs = fake.seedThread(THREAD, 5, 3);
        List<Run> firstTwo = List.of(runs.get(4), runs.get(3));
        byte[] page = JSON.writePage(new RunListResponse(firstTwo, firstTwo.get(0).id(), firstTwo.get(1).id(), true), false);
        fake.failNext(2, Fault.body(200, page));
        List<Run> delivered = new ArrayList<>();
        assertThatThrownBy(() -> client(1).listAll(THREAD).forEach(delivered::add))
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("'" + runs.get(4).id() + "'")
                .hasMessageContaining("already in the previous page");
        assertThat(delivered).containsExactlyElementsOf(firstTwo);
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    // ---- limits ------------------------------------------------------------------------------------

    /** An endless chunked body is cut off at the 64 MiB document limit, named in a DecodeException, with bounded heap. */
    @Test
    void endlessBodyStopsAtTheDocumentLimitWithBoundedHeap() throws Exception {
        byte[] filler = new byte[64 * 1024];
        Arrays.fill(filler, (byte) ' ');
        EndlessBody body = endlessBody("{\"object\":\"list\",\"data\":[", filler);
        HeapSampler heap = new HeapSampler();
        long start = System.nanoTime();
        Throwable thrown;
        try (heap) {
            thrown = catchThrowable(() -> client(body.baseUrl, FakeRunsApi.DEFAULT_API_KEY, 1, transport(config())).list(THREAD));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(thrown).isInstanceOf(DecodeException.class)
                .hasMessageContaining("Document length")
                .hasMessageContaining("exceeds the maximum allowed (" + RunsJson.MAX_DOCUMENT_LENGTH);
        assertThat(took).as("time to give up").isLessThan(Duration.ofSeconds(30));
        assertThat(body.requests.get()).as("requests (a decode failure is not retried)").isEqualTo(1);
        assertThat(heap.maxGrowthBytes()).as("live heap growth while reading").isLessThan(32L * 1024 * 1024);
        // What the server managed to write before the client hung up: the limit plus what sits in buffers.
        long written = body.awaitWritten();
        assertThat(written).as("bytes written").isBetween(RunsJson.MAX_DOCUMENT_LENGTH,
                RunsJson.MAX_DOCUMENT_LENGTH + 48L * 1024 * 1024);
        System.out.println("endless body [" + transportName(lastTransport) + "]: stopped after " + written / 1024 / 1024
                + " MiB sent in " + took.toMillis() + " ms, live heap grew at most "
                + heap.maxGrowthBytes() / 1024 / 1024 + " MiB");
    }

    /** An endless string value is cut off at the 10 MiB string limit, named in a DecodeException. */
    @Test
    void endlessStringStopsAtTheStringLimit() throws Exception {
        byte[] filler = new byte[64 * 1024];
        Arrays.fill(filler, (byte) 'a');
        EndlessBody body = endlessBody("{\"object\":\"list\",\"data\":[{\"id\":\"run_", filler);
        long start = System.nanoTime();
        assertThatThrownBy(() -> client(body.baseUrl, FakeRunsApi.DEFAULT_API_KEY, 1, transport(config())).list(THREAD))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("String value length")
                .hasMessageContaining("exceeds the maximum allowed (" + RunsJson.MAX_STRING_LENGTH);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(body.awaitWritten()).as("bytes written").isLessThan(RunsJson.MAX_STRING_LENGTH + 48L * 1024 * 1024);
    }
}
