package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.runlist.ListRunsParams;
import dev.runlist.RunPage;
import dev.runlist.RunPager;
import dev.runlist.RunsClient;
import dev.runlist.errors.ApiException;
import dev.runlist.errors.AuthenticationException;
import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.PaginationException;
import dev.runlist.errors.RateLimitException;
import dev.runlist.errors.RunlistException;
import dev.runlist.errors.UnexpectedStatusException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.ErrorObject;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reliability and security of the real {@link RunsClient} over the transport under test, against
 * {@link FakeRunsApi} on loopback HTTP, or a small loopback server of the suite's own where the fake
 * cannot produce the bytes (an endless body, a redirect, TLS): bad bodies give typed exceptions that
 * name the problem, decoding limits hold with bounded memory, a listing through injected faults
 * delivers every run exactly once and resumes after giving up, one client serves many threads and
 * releases everything on close, redirects are not followed, TLS trusts only what it should, and the
 * API key never shows in an exception, a {@code toString()} or the request journal.
 *
 * <p>A transport subscribes by extending this class and implementing {@link #createTransport}; a
 * test it cannot pass may be overridden in the subclass with a comment saying why. Each test gets a
 * fresh fake; transports made through {@link #transport(TransportConfig)} are closed after it. Each
 * test takes at most 60 seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ClientReliabilitySuite {

    private static final String THREAD = "thread_reliability";
    private static final RunsJson JSON = RunsJson.standard();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch testDone = new CountDownLatch(1);
    private FakeRunsApi fake;
    private String baseUrl;
    private Transport lastTransport;

    /** For subclasses, which JUnit instantiates once per test. */
    protected ClientReliabilitySuite() {}

    /**
     * Creates the transport under test, configured by {@code config}. Called once or more per test;
     * the suite closes what it gets.
     */
    protected abstract Transport createTransport(TransportConfig config);

    @BeforeEach
    void startFake() {
        fake = FakeRunsApi.builder().clock(CLOCK).build();
        baseUrl = fake.startHttp();
    }

    @AfterEach
    void closeEverything() {
        testDone.countDown();
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable r : reversed) {
            try {
                r.close();
            } catch (Exception ignored) {
                // Closing anyway; the test's own assertions already ran.
            }
        }
        fake.close();
    }

    /** A transport made by {@link #createTransport} that the suite closes after the test. */
    protected final Transport transport(TransportConfig config) {
        lastTransport = closeLater(createTransport(config));
        return lastTransport;
    }

    // ---- 1. bad inputs --------------------------------------------------------------------------------

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

    // ---- 2. limits ------------------------------------------------------------------------------------

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

    // ---- 3. fault-injected listing ------------------------------------------------------------------

    /** 10,000 runs listed through ~30% injected faults (429, 500, 503, drops, truncations) arrive exactly once, in order. */
    @Test
    void faultInjectedListingDeliversEveryRunExactlyOnceInOrder() {
        fake.seedThread(THREAD, 10_000, 11);
        List<Run> expected = apiOrder(fake.runs(THREAD));
        List<Fault> kinds = List.of(
                Fault.status(429).header("retry-after-ms", "1"),
                Fault.status(500),
                Fault.status(503).header("retry-after-ms", "1"),
                Fault.dropConnection(),
                Fault.truncatedBody());
        List<String> names = List.of("429", "500", "503", "drop", "truncated");
        int[] plan = faultPlan(new Random(20240601L), 4096, 0.30, 3, kinds.size());
        AtomicIntegerArray injected = new AtomicIntegerArray(kinds.size());
        for (int k = 0; k < kinds.size(); k++) {
            int kind = k;
            fake.failWhen(r -> {
                boolean hit = r.sequence() < plan.length && plan[r.sequence()] == kind;
                if (hit) {
                    injected.incrementAndGet(kind);
                }
                return hit;
            }, kinds.get(k), Integer.MAX_VALUE);
        }
        Transport t = transport(config());
        RunsClient client = client(baseUrl, FakeRunsApi.DEFAULT_API_KEY, 8, t);
        List<Run> delivered = new ArrayList<>();
        client.listAll(THREAD, ListRunsParams.builder().limit(100).build()).forEach(delivered::add);

        assertThat(ids(delivered)).containsExactlyElementsOf(ids(expected));
        assertThat(delivered).as("every field of every run").isEqualTo(expected);
        int requests = fake.requestCount();
        int faults = 0;
        StringBuilder byKind = new StringBuilder();
        for (int k = 0; k < kinds.size(); k++) {
            faults += injected.get(k);
            byKind.append(k == 0 ? "" : ", ").append(names.get(k)).append(": ").append(injected.get(k));
            assertThat(injected.get(k)).as("faults of kind %s", names.get(k)).isPositive();
        }
        assertThat(faults).as("faults injected").isGreaterThanOrEqualTo(requests / 5);
        assertThat(requests - faults).as("answered requests: one per page of 100").isGreaterThanOrEqualTo(100);
        System.out.println("fault-injected listing [" + transportName(t) + "]: " + delivered.size() + " runs, "
                + requests + " requests, " + faults + " faults (" + byKind + ")");
    }

    /** When retries run out mid-listing, the exception's resumeParams continue it with nothing lost or repeated. */
    @Test
    void listingResumesAfterRetriesRunOutWithNothingLostOrRepeated() {
        fake.seedThread(THREAD, 2_000, 12);
        List<Run> expected = apiOrder(fake.runs(THREAD));
        String cursor = expected.get(399).id(); // the 5th page of 100 is fetched with after=<400th run>
        fake.failWhen(r -> cursor.equals(r.queryParam("after").orElse(null)), Fault.status(503), 1);
        fake.failWhen(r -> cursor.equals(r.queryParam("after").orElse(null)), Fault.truncatedBody(), 1);
        RunsClient client = client(1);
        ListRunsParams params = ListRunsParams.builder().limit(100).build();
        List<Run> first = new ArrayList<>();
        RunlistException failure = (RunlistException) catchThrowable(() -> client.listAll(THREAD, params).forEach(first::add));

        assertThat(failure).isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.attempts()).isEqualTo(2));
        assertThat(first).hasSize(400);
        assertThat(failure.resumeParams()).hasValueSatisfying(p -> {
            assertThat(p.after()).contains(cursor);
            assertThat(p.limit()).hasValue(100);
        });
        List<Run> second = new ArrayList<>();
        client.listAll(THREAD, failure.resumeParams().orElseThrow()).forEach(second::add);
        List<Run> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(ids(all)).containsExactlyElementsOf(ids(expected));
        assertThat(all).isEqualTo(expected);
        assertThat(fake.pendingFaults()).isZero();
    }

    // ---- 4. concurrency -----------------------------------------------------------------------------

    /** One client shared by 32 threads lists 32 threads' runs 3 times each without error or cross-talk, then close() leaves no threads or connections. */
    @Test
    void oneClientSharedByManyThreadsThenClosedLeavesNothingBehind() throws Exception {
        int threads = 32;
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            fake.seedThread("thread_c" + i, 300, 100 + i);
            expected.add(ids(apiOrder(fake.runs("thread_c" + i))));
        }
        Set<Thread> before = TransportConformanceSuite.transportThreads();
        CountingRelay relay = closeLater(new CountingRelay(java.net.URI.create(baseUrl).getPort()));
        Transport t = createTransport(config());
        RunsClient client = client("http://127.0.0.1:" + relay.port() + "/v1", FakeRunsApi.DEFAULT_API_KEY, 2, t);
        AtomicInteger listed = new AtomicInteger();
        listConcurrently(client, expected, listed);
        assertThat(listed.get()).isEqualTo(threads * 3 * 300);
        assertThat(fake.requestCount()).isEqualTo(threads * 3 * 15);
        int connections = relay.acceptedConnections();
        assertThat(connections).as("connections opened").isBetween(1, TransportConfig.DEFAULT_MAX_CONNECTIONS);

        String transportName = transportName(t);
        client.close();
        t.close();
        t = null;
        client = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> leaked;
        do {
            // The JDK client's selector thread ends only once the client is unreachable.
            System.gc();
            Thread.sleep(100);
            leaked = TransportConformanceSuite.transportThreads().stream()
                    .filter(th -> !before.contains(th))
                    .map(Thread::getName)
                    .filter(name -> !name.startsWith("runlist-fake-"))
                    .collect(Collectors.toList());
        } while ((!leaked.isEmpty() || relay.openConnections() > 0) && System.nanoTime() < deadline);
        assertThat(leaked).as("threads left running after close()").isEmpty();
        assertThat(relay.openConnections()).as("connections left open after close()").isZero();
        System.out.println("shared client [" + transportName + "]: " + threads + " threads x 3 listings x 300 runs, "
                + threads * 3 * 15 + " requests over " + connections + " connections, all closed");
    }

    // ---- 5. redirects -------------------------------------------------------------------------------

    /** 301, 302, 307 and 308 to another origin are not followed: an UnexpectedStatusException, and the other origin hears nothing. */
    @Test
    void redirectsToAnotherOriginAreNotFollowed() {
        LoopbackServer other = closeLater(new LoopbackServer());
        AtomicInteger otherRequests = new AtomicInteger();
        other.handle(exchange -> {
            otherRequests.incrementAndGet();
            byte[] page = pageBody(1, false);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
        });
        LoopbackServer origin = closeLater(new LoopbackServer());
        AtomicInteger status = new AtomicInteger();
        List<String> authorization = Collections.synchronizedList(new ArrayList<>());
        origin.handle(exchange -> {
            authorization.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Location", other.uri("/v1/threads/" + THREAD + "/runs").toString());
            exchange.sendResponseHeaders(status.get(), -1);
        });
        RunsClient client = client("http://127.0.0.1:" + origin.port() + "/v1", FakeRunsApi.DEFAULT_API_KEY, 2,
                transport(config()));
        for (int s : new int[] {301, 302, 307, 308}) {
            status.set(s);
            assertThatThrownBy(() -> client.list(THREAD))
                    .isInstanceOfSatisfying(UnexpectedStatusException.class, e -> {
                        assertThat(e.status()).isEqualTo(s);
                        assertThat(e.attempts()).as("3xx is not retried").isEqualTo(1);
                    });
        }
        assertThat(authorization).as("the origin got the key, once per status")
                .containsExactly(Collections.nCopies(4, "Bearer " + FakeRunsApi.DEFAULT_API_KEY).toArray(new String[0]));
        assertThat(otherRequests.get()).as("requests reaching the other origin").isZero();
    }

    // ---- 6. HTTPS -----------------------------------------------------------------------------------

    /** A self-signed certificate fails the handshake at once as a ConnectionException; trusting it via sslContext lists the page. */
    @Test
    void httpsTrustsOnlyWhatItShould() throws Exception {
        SelfSigned cert = SelfSigned.get();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext));
        ExecutorService executor = Executors.newCachedThreadPool(daemon("reliability-https-"));
        server.setExecutor(executor);
        AtomicInteger served = new AtomicInteger();
        List<Run> runs = fake.seedThread(THREAD, 3, 5);
        List<Run> expected = apiOrder(runs);
        byte[] page = JSON.writePage(new RunListResponse(expected, expected.get(0).id(), expected.get(2).id(), false), false);
        server.createContext("/", exchange -> {
            try (exchange) {
                served.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
        });
        server.start();
        closeLater(() -> {
            server.stop(0);
            executor.shutdownNow();
        });
        String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/v1";

        RunsClient untrusting = client(url, FakeRunsApi.DEFAULT_API_KEY, 2, transport(config()));
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> untrusting.list(THREAD));
        assertThat(thrown).isInstanceOf(ConnectionException.class);
        assertThat(causes(thrown)).as("causes").anyMatch(c -> c instanceof SSLException);
        int attempts = ((ConnectionException) thrown).attempts();
        assertThat(attempts).as("attempts: no retry can make the certificate trusted").isEqualTo(1);
        System.out.println("untrusted certificate [" + transportName(lastTransport) + "]: " + attempts + " attempt(s): "
                + thrown.getMessage());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(served.get()).as("requests served without trust").isZero();

        TransportConfig trusting = TransportConfig.builder().sslContext(cert.clientContext).build();
        RunPage listed = client(url, FakeRunsApi.DEFAULT_API_KEY, 0, transport(trusting)).list(THREAD);
        assertThat(listed.data()).isEqualTo(expected);
        assertThat(served.get()).isEqualTo(1);
    }

    // ---- 7. secrets ---------------------------------------------------------------------------------

    /** Through faults, retries and failures, the API key shows in no exception, toString() or recorded request. */
    @Test
    void theApiKeyLeaksNowhere() throws Exception {
        String key = "sk-proj-RELIABILITY-" + UUID.randomUUID().toString().replace("-", "");
        FakeRunsApi keyed = closeLater(FakeRunsApi.builder().apiKey(key).clock(CLOCK).build());
        String url = keyed.startHttp();
        keyed.seedThread(THREAD, 250, 9);
        ErrorObject echo = new ErrorObject("Incorrect API key provided: " + key + ".", "invalid_request_error",
                "Authorization: Bearer " + key, "invalid_api_key");
        keyed.enqueue(Fault.status(429).header("retry-after-ms", "1"));
        keyed.enqueue(Fault.status(500).error(echo));
        keyed.enqueue(Fault.dropConnection());
        keyed.enqueue(Fault.truncatedBody());
        keyed.enqueue(Fault.htmlError(502));
        Transport t = transport(config());
        RunsClient client = client(url, key, 5, t);
        List<Throwable> failures = new ArrayList<>();
        String lastCursor = apiOrder(keyed.runs(THREAD)).get(199).id();
        keyed.failWhen(r -> lastCursor.equals(r.queryParam("after").orElse(null)), Fault.status(500).error(echo), 6);
        List<Run> delivered = new ArrayList<>();
        failures.add(catchThrowable(() -> client.listAll(THREAD, ListRunsParams.builder().limit(50).build())
                .forEach(delivered::add)));
        assertThat(delivered).hasSize(200);
        assertThat(failures.get(0)).isInstanceOf(InternalServerException.class);
        keyed.failNext(6, Fault.body(500, "<html>upstream said: Authorization: Bearer " + key + "</html>")
                .header("Content-Type", "text/html"));
        failures.add(catchThrowable(() -> client.list(THREAD)));
        assertThat(failures.get(1)).isInstanceOf(InternalServerException.class);
        RunsClient wrongKey = client(url, key + "-wrong", 0, t);
        failures.add(catchThrowable(() -> wrongKey.list(THREAD)));
        assertThat(failures.get(2)).isInstanceOf(AuthenticationException.class);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RunsClient refused = client("http://127.0.0.1:" + closedPort + "/v1", key, 1, t);
        failures.add(catchThrowable(() -> refused.list(THREAD)));
        assertThat(failures.get(3)).isInstanceOf(ConnectionException.class);

        List<String> texts = new ArrayList<>();
        for (Throwable f : failures) {
            texts.add(f.getMessage());
            texts.add(f.toString());
            StringWriter trace = new StringWriter();
            f.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
            if (f instanceof ApiException) {
                texts.add(String.valueOf(((ApiException) f).error()));
            }
        }
        texts.add(client.toString());
        texts.add(wrongKey.toString());
        texts.add(t.toString());
        texts.add(keyed.toString());
        List<RecordedRequest> journal = keyed.requests();
        assertThat(journal).isNotEmpty();
        assertThat(journal).anySatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + key));
        journal.forEach(r -> texts.add(r.toString()));
        texts.add(journal.toString());
        for (String text : texts) {
            assertThat(text).doesNotContain(key).doesNotContain(key.substring(8));
        }
    }

    /** A 200 echoing the key in an error envelope, and an error page with the key across the snippet's cut: no piece of the key shows. */
    @Test
    void serverTextQuotingTheKeyIsRedactedBeforeItIsCut() {
        String key = "sk-proj-" + "Q7w8E9r0T1".repeat(15) + "yz";
        FakeRunsApi keyed = closeLater(FakeRunsApi.builder().apiKey(key).clock(CLOCK).build());
        String url = keyed.startHttp();
        keyed.seedThread(THREAD, 3, 9);
        keyed.enqueue(Fault.body(200, JSON.writeError(new ErrorObject("Incorrect API key provided: " + key + ".",
                "invalid_request_error", null, "invalid_api_key"))));
        keyed.enqueue(Fault.body(500, "<html>" + "x".repeat(150) + " " + key + " </html>").header("Content-Type", "text/html"));
        RunsClient client = client(url, key, 0, transport(config()));
        Throwable decode = catchThrowable(() -> client.list(THREAD));
        Throwable server = catchThrowable(() -> client.list(THREAD));
        assertThat(decode).isInstanceOf(DecodeException.class).hasMessageContaining("Incorrect API key provided: <redacted>");
        assertThat(server).isInstanceOf(InternalServerException.class).hasMessageContaining("non-JSON error body");
        for (Throwable t : List.of(decode, server)) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(key.substring(0, 12)).doesNotContain("Q7w8E9r0T1");
        }
    }

    // ---- 8. hostile pages ---------------------------------------------------------------------------

    /** has_more with a blank last_id ends every form (Iterable, Stream, pages, Publisher) with a PaginationException and resume params. */
    @Test
    void hasMoreWithABlankLastIdIsAPaginationExceptionInEveryForm() throws Exception {
        List<Run> runs = apiOrder(fake.seedThread(THREAD, 30, 21));
        List<Run> second = runs.subList(10, 20);
        byte[] blank = JSON.writePage(new RunListResponse(second, second.get(0).id(), "", true), false);
        String cursor = runs.get(9).id();
        RunsClient client = client(1);
        ListRunsParams params = ListRunsParams.builder().limit(10).build();
        for (String form : LISTING_FORMS) {
            fake.failWhen(r -> cursor.equals(r.queryParam("after").orElse(null)), Fault.body(200, blank), 1);
            Listed listed = list(client, params, form);
            assertThat(listed.failure).as(form).isInstanceOf(PaginationException.class)
                    .hasMessageContaining("last_id is '' but the last run is '" + second.get(9).id() + "'");
            assertThat(((RunlistException) listed.failure).resumeParams()).as(form).contains(params.withAfter(cursor));
            assertThat(ids(listed.runs)).as(form).containsExactlyElementsOf(ids(runs.subList(0, 10)));
        }
        assertThat(fake.pendingFaults()).isZero();
    }

    /** A last_id that is not the page's last run, and a page larger than limit, are refused before any of their runs is delivered. */
    @Test
    void lyingCursorsAndOversizedPagesAreRefusedBeforeDelivery() {
        List<Run> runs = apiOrder(fake.seedThread(THREAD, 40, 22));
        String cursor = runs.get(9).id();
        List<Run> second = runs.subList(10, 20);
        byte[] lying = JSON.writePage(new RunListResponse(second, second.get(0).id(), runs.get(35).id(), true), false);
        fake.failWhen(r -> cursor.equals(r.queryParam("after").orElse(null)), Fault.body(200, lying), 1);
        RunsClient client = client(1);
        ListRunsParams params = ListRunsParams.builder().limit(10).build();
        List<Run> delivered = new ArrayList<>();
        assertThatThrownBy(() -> client.listAll(THREAD, params).forEach(delivered::add))
                .isInstanceOf(PaginationException.class).hasMessageContaining("last_id is '" + runs.get(35).id() + "'");
        assertThat(delivered).isEqualTo(runs.subList(0, 10));

        List<Run> many = runs.subList(0, 40);
        fake.enqueue(Fault.body(200, JSON.writePage(new RunListResponse(many, many.get(0).id(), many.get(39).id(), false), false)));
        List<Run> none = new ArrayList<>();
        assertThatThrownBy(() -> client.listAll(THREAD, params).forEach(none::add))
                .isInstanceOf(PaginationException.class).hasMessageContaining("more than 10 runs");
        assertThat(none).isEmpty();
    }

    /** A server answering the same runs with a fresh last_id every time is stopped after one request, nothing delivered. */
    @Test
    void freshCursorsForTheSameRunsStopAfterOneRequest() {
        List<Run> runs = apiOrder(RunFixtures.create(1, CLOCK).runs(THREAD, 20));
        AtomicInteger requests = new AtomicInteger();
        LoopbackServer server = closeLater(new LoopbackServer());
        server.handle(exchange -> {
            requests.incrementAndGet();
            byte[] page = JSON.writePage(new RunListResponse(runs, runs.get(0).id(), "cursor_" + UUID.randomUUID(), true), false);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
        });
        RunsClient client = client("http://127.0.0.1:" + server.port() + "/v1", FakeRunsApi.DEFAULT_API_KEY, 1, transport(config()));
        List<Run> delivered = new ArrayList<>();
        assertThatThrownBy(() -> client.listAll(THREAD).forEach(delivered::add)).isInstanceOf(PaginationException.class);
        assertThat(delivered).isEmpty();
        assertThat(requests.get()).isEqualTo(1);
    }

    /** A server whose cursors lead back to pages already listed (A, B, A) is stopped before any run is delivered twice. */
    @Test
    void cursorsLeadingBackToEarlierPagesStopBeforeAnyRunRepeats() throws Exception {
        List<Run> runs = apiOrder(RunFixtures.create(2, CLOCK).runs(THREAD, 20));
        List<Run> a = runs.subList(0, 10);
        List<Run> b = runs.subList(10, 20);
        byte[] pageA = JSON.writePage(new RunListResponse(a, a.get(0).id(), a.get(9).id(), true), false);
        byte[] pageB = JSON.writePage(new RunListResponse(b, b.get(0).id(), b.get(9).id(), true), false);
        AtomicInteger requests = new AtomicInteger();
        LoopbackServer server = closeLater(new LoopbackServer());
        server.handle(exchange -> {
            requests.incrementAndGet();
            byte[] page = String.valueOf(exchange.getRequestURI().getRawQuery()).contains("after=" + a.get(9).id()) ? pageB : pageA;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
        });
        RunsClient client = client("http://127.0.0.1:" + server.port() + "/v1", FakeRunsApi.DEFAULT_API_KEY, 1, transport(config()));
        for (String form : LISTING_FORMS) {
            requests.set(0);
            Listed listed = list(client, ListRunsParams.builder().limit(10).build(), form);
            assertThat(listed.failure).as(form).isInstanceOf(PaginationException.class);
            assertThat(listed.runs).as(form).isEqualTo(runs);
            assertThat(requests.get()).as(form).isEqualTo(3);
        }
    }

    /** After retries run out mid-listing, every later hasNext()/next() throws the same exception and makes no request. */
    @Test
    void aFailedListingStaysFailed() {
        fake.seedThread(THREAD, 30, 23);
        List<Run> expected = apiOrder(fake.runs(THREAD));
        String cursor = expected.get(19).id();
        fake.failWhen(r -> cursor.equals(r.queryParam("after").orElse(null)), Fault.status(502), 2);
        RunPager pager = client(1).listAll(THREAD, ListRunsParams.none()).iterator();
        List<Run> delivered = new ArrayList<>();
        Throwable failure = catchThrowable(() -> pager.forEachRemaining(delivered::add));
        assertThat(failure).isInstanceOf(InternalServerException.class);
        assertThat(delivered).isEqualTo(expected.subList(0, 20));
        int requests = fake.requestCount();
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowable(pager::hasNext)).isSameAs(failure);
            assertThat(catchThrowable(pager::next)).isSameAs(failure);
        }
        assertThat(fake.requestCount()).isEqualTo(requests);
        assertThat(((RunlistException) failure).resumeParams()).contains(ListRunsParams.none().withAfter(cursor));
        List<Run> rest = new ArrayList<>();
        client(1).listAll(THREAD, ((RunlistException) failure).resumeParams().orElseThrow()).forEach(rest::add);
        assertThat(rest).isEqualTo(expected.subList(20, 30));
    }

    // ---- 9. Retry-After ---------------------------------------------------------------------------------

    /** Retry-After above the 60 s cap: a RateLimitException at once, carrying the delay, after one request. */
    @Test
    void serverDelayAboveTheCapFailsAtOnceAsARateLimitException() {
        fake.seedThread(THREAD, 3, 24);
        fake.enqueue(Fault.status(429).header("Retry-After", "120"));
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> client(5).list(THREAD));
        assertThat(thrown).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    /** Retry-After: 30 with a 2 s timeout: a RateLimitException at once (not a timeout), after one request. */
    @Test
    void serverDelayBeyondTheDeadlineFailsAtOnceAsARateLimitException() {
        fake.seedThread(THREAD, 3, 25);
        fake.enqueue(Fault.status(429).header("Retry-After", "30"));
        RunsClient client = closeLater(RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).baseUrl(baseUrl)
                .transport(transport(config())).maxRetries(5).timeout(Duration.ofSeconds(2)).build());
        Throwable thrown = catchThrowable(() -> client.list(THREAD));
        assertThat(thrown).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    /** retry-after-ms: 0 on every answer: the normal back-off spaces the retries (at most 1 + 1 s / 75 ms requests in 1 s). */
    @Test
    void zeroServerDelayMeansTheNormalBackoffNotAnImmediateRetry() {
        fake.seedThread(THREAD, 3, 26);
        fake.failWhen(r -> true, Fault.status(429).header("retry-after-ms", "0"), Integer.MAX_VALUE);
        RunsClient client = closeLater(RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).baseUrl(baseUrl)
                .transport(transport(config())).maxRetries(1000).retryBackoff(Duration.ofMillis(100), Duration.ofMillis(100))
                .timeout(Duration.ofSeconds(1)).build());
        Throwable thrown = catchThrowable(() -> client.list(THREAD));
        assertThat(thrown).isInstanceOf(RunlistException.class);
        System.out.println("zero retry delay [" + transportName(lastTransport) + "]: " + fake.requestCount()
                + " requests in a 1 s call");
        assertThat(fake.requestCount()).as("requests in 1 s").isBetween(2, 14);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static final List<String> LISTING_FORMS = List.of("Iterable", "Stream", "pages()", "Publisher");

    /** What a listing delivered and the exception that ended it (null when it completed). */
    private record Listed(List<Run> runs, Throwable failure) {}

    /** Lists the thread in {@code form}, collecting the runs delivered until it ends. */
    private static Listed list(RunsClient client, ListRunsParams params, String form) throws Exception {
        List<Run> runs = Collections.synchronizedList(new ArrayList<>());
        switch (form) {
            case "Iterable":
                return new Listed(runs, catchThrowable(() -> client.listAll(THREAD, params).forEach(runs::add)));
            case "Stream":
                return new Listed(runs, catchThrowable(() -> client.stream(THREAD, params).forEach(runs::add)));
            case "pages()":
                return new Listed(runs, catchThrowable(() -> client.listAll(THREAD, params).pages()
                        .forEach(page -> runs.addAll(page.data()))));
            default:
                CountDownLatch done = new CountDownLatch(1);
                AtomicInteger terminals = new AtomicInteger();
                java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
                client.listAllAsync(THREAD, params).subscribe(new java.util.concurrent.Flow.Subscriber<Run>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(Run run) {
                        runs.add(run);
                    }

                    @Override
                    public void onError(Throwable t) {
                        error.set(t);
                        terminals.incrementAndGet();
                        done.countDown();
                    }

                    @Override
                    public void onComplete() {
                        terminals.incrementAndGet();
                        done.countDown();
                    }
                });
                assertThat(done.await(30, TimeUnit.SECONDS)).as("a terminal signal").isTrue();
                assertThat(terminals.get()).as("terminal signals").isEqualTo(1);
                return new Listed(runs, error.get());
        }
    }

    /** Each of {@code expected.size()} pool threads lists its own thread 3 times, checking every run. */
    private static void listConcurrently(RunsClient client, List<List<String>> expected, AtomicInteger listed)
            throws Exception {
        int threads = expected.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String thread = "thread_c" + i;
                List<String> mine = expected.get(i);
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        List<Run> runs = new ArrayList<>();
                        client.listAll(thread, ListRunsParams.builder().limit(20).build()).forEach(runs::add);
                        for (Run run : runs) {
                            if (!thread.equals(run.threadId())) {
                                throw new AssertionError("run " + run.id() + " of " + run.threadId() + " listed for " + thread);
                            }
                        }
                        if (!ids(runs).equals(mine)) {
                            throw new AssertionError(thread + " round " + round + " got " + runs.size() + " runs, not its 300");
                        }
                        listed.addAndGet(runs.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The transport configuration of most tests: short timeouts so that a hang fails fast. */
    private static TransportConfig config() {
        return TransportConfig.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(20)).build();
    }

    private RunsClient client(int maxRetries) {
        return client(baseUrl, FakeRunsApi.DEFAULT_API_KEY, maxRetries, transport(config()));
    }

    private RunsClient client(String url, String key, int maxRetries, Transport t) {
        return closeLater(RunsClient.builder()
                .apiKey(key)
                .baseUrl(url)
                .transport(t)
                .maxRetries(maxRetries)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .timeout(Duration.ofSeconds(40))
                .build());
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Lists the thread once with {@code fault} answering; expects a DecodeException naming the path and problem. */
    private void checkDecodeFailure(Fault fault, String path, String problem) {
        fake.seedThread(THREAD, 3, 1);
        fake.enqueue(fault);
        Throwable thrown = catchThrowable(() -> client(2).list(THREAD));
        assertThat(thrown).isInstanceOf(DecodeException.class).hasMessageContaining(problem);
        if (path != null) {
            assertThat(((DecodeException) thrown).jsonPath()).isEqualTo(path);
            assertThat(thrown).hasMessageContaining(" at " + path + " ");
        }
        assertThat(fake.requestCount()).as("requests (a decode failure is not retried)").isEqualTo(1);
    }

    /** A valid page body holding {@code count} fixture runs. */
    private static byte[] pageBody(int count, boolean hasMore) {
        List<Run> runs = apiOrder(RunFixtures.create(1, CLOCK).runs(THREAD, count));
        return JSON.writePage(new RunListResponse(runs, runs.get(0).id(), runs.get(runs.size() - 1).id(), hasMore), true);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(plain);
        }
        return zipped.toByteArray();
    }

    /** Runs oldest first, as {@link FakeRunsApi#runs} gives them, in the API's default order (newest first). */
    private static List<Run> apiOrder(List<Run> oldestFirst) {
        List<Run> out = new ArrayList<>(oldestFirst);
        Collections.reverse(out);
        return out;
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::id).collect(Collectors.toList());
    }

    /**
     * For each request number, the fault kind to inject (or -1): each request fails with probability
     * {@code rate}, never more than {@code maxRun} in a row, so that 8 retries always suffice.
     */
    private static int[] faultPlan(Random random, int length, double rate, int maxRun, int kinds) {
        int[] plan = new int[length];
        int run = 0;
        for (int i = 0; i < length; i++) {
            if (run < maxRun && random.nextDouble() < rate) {
                plan[i] = random.nextInt(kinds);
                run++;
            } else {
                plan[i] = -1;
                run = 0;
            }
        }
        return plan;
    }

    private static String transportName(Transport t) {
        return t.getClass().getSimpleName().replace("Transport", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread th = new Thread(r, prefix + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        };
    }

    /** A loopback server whose every answer is a 200 chunked body: {@code prefix}, then {@code filler} forever. */
    private EndlessBody endlessBody(String prefix, byte[] filler) {
        LoopbackServer server = closeLater(new LoopbackServer());
        EndlessBody body = new EndlessBody("http://127.0.0.1:" + server.port() + "/v1");
        server.handle(exchange -> {
            body.requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(55);
            try {
                byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
                out.write(head);
                body.written.addAndGet(head.length);
                while (testDone.getCount() > 0 && System.nanoTime() < deadline) {
                    out.write(filler);
                    body.written.addAndGet(filler.length);
                }
            } catch (IOException clientHungUp) {
                // Expected: the client gave up on the body.
            } finally {
                body.finished.countDown();
            }
        });
        return body;
    }

    /** What an endless-body server did. */
    private static final class EndlessBody {
        final String baseUrl;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicLong written = new AtomicLong();
        final CountDownLatch finished = new CountDownLatch(1);

        EndlessBody(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** Bytes written once the server saw the client hang up (waiting up to 10 s for that). */
        long awaitWritten() throws InterruptedException {
            assertThat(finished.await(10, TimeUnit.SECONDS)).as("the server saw the client hang up").isTrue();
            return written.get();
        }
    }

    /** Samples the live heap (used after a full GC) every 100 ms until closed; reports the largest growth. */
    private static final class HeapSampler implements AutoCloseable {
        private final long baseline;
        private final AtomicLong max = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        HeapSampler() {
            baseline = liveHeap();
            max.set(baseline);
            sampler = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(liveHeap(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "reliability-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private long liveHeap() {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        long maxGrowthBytes() {
            return max.get() - baseline;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.join(5000);
        }
    }

    /** A self-signed EC certificate for 127.0.0.1 and localhost made by keytool, with server and client contexts. */
    private static final class SelfSigned {
        private static SelfSigned instance;

        final SSLContext serverContext;
        final SSLContext clientContext;

        private SelfSigned(SSLContext serverContext, SSLContext clientContext) {
            this.serverContext = serverContext;
            this.clientContext = clientContext;
        }

        static synchronized SelfSigned get() throws Exception {
            if (instance == null) {
                instance = create();
            }
            return instance;
        }

        private static SelfSigned create() throws Exception {
            Path dir = Files.createTempDirectory("runlist-tls");
            Path store = dir.resolve("server.p12");
            char[] password = "changeit".toCharArray();
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "localhost", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(password), "-keypass", new String(password))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            Files.delete(store);
            Files.delete(dir);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);

            Certificate cert = keys.getCertificate("localhost");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("localhost", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new SelfSigned(server, client);
        }
    }
}
