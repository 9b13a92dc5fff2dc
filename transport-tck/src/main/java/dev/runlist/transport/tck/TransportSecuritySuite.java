package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.runlist.ListRunsParams;
import dev.runlist.RunPage;
import dev.runlist.RunsClient;
import dev.runlist.errors.ApiException;
import dev.runlist.errors.AuthenticationException;
import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.UnexpectedStatusException;
import dev.runlist.model.ErrorObject;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.FakeRunsApi;
import dev.runlist.testing.Fault;
import dev.runlist.testing.RecordedRequest;
import dev.runlist.testing.internal.LoopbackServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Security of the client over the transport under test: redirects to another origin are not
 * followed, TLS trusts only what it should (a checked-in self-signed certificate for
 * {@code 127.0.0.1}), and the API key shows in no exception, {@code toString()} or recorded request,
 * even when the server quotes it.
 *
 * <p>A transport subscribes by extending this class and implementing {@link #createTransport}; a
 * test it cannot pass may be overridden in the subclass with a comment saying why. Each test gets a
 * fresh fake; transports made through {@link #transport(TransportConfig)} are closed after it. Each
 * test takes at most 60 seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class TransportSecuritySuite extends ClientSuiteSupport {

    /** For subclasses, which JUnit instantiates once per test. */
    protected TransportSecuritySuite() {}

    // ---- redirects -------------------------------------------------------------------------------

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

    // ---- HTTPS -----------------------------------------------------------------------------------

    /** A self-signed certificate fails the handshake at once as a ConnectionException; trusting it via sslContext lists the page. */
    @Test
    void httpsTrustsOnlyWhatItShould() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.get();
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

    // ---- secrets ---------------------------------------------------------------------------------

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
}
