package dev.runlist.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.ListRunsParams;
import dev.runlist.RunPage;
import dev.runlist.RunsClient;
import dev.runlist.testing.FakeRunsApi;
import dev.runlist.testing.Fault;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * With every logger at TRACE, listings through the clients {@link ApacheTransport} builds never print
 * the API key, while Apache's own debug logging (headers included, redacted) is demonstrably on.
 *
 * <p>Runs only in the {@code trace-logging} surefire execution of this module, a JVM of its own whose
 * slf4j-simple logs everything at TRACE to {@code target/apache-trace.log}; the other tests keep the
 * default level, so the conformance suite's large bodies are not written to a wire log.
 */
@EnabledIfSystemProperty(named = "runlist.apache.traceLogging", matches = "true")
class ApacheTraceLoggingTest {

    /** Random after "sk-", so that no piece of it occurs in a log by chance. */
    private static final String KEY = "sk-Zq8vT3kP9wXr2mN7bL4yH6dJ";
    /**
     * Characters of the key that make a leak: a 16-byte line of a hex dump holds at least 9 in a row
     * of this 27-character key.
     */
    private static final int PIECE = 8;
    private static final String THREAD = "thread_trace";

    private static FakeRunsApi fake;
    private static ApacheTransport transport;

    @BeforeAll
    static void start() {
        fake = FakeRunsApi.builder().apiKey(KEY).build();
        fake.startHttp();
        fake.seedThread(THREAD, 5, 42);
        transport = ApacheTransport.builder().build();
    }

    @AfterAll
    static void stop() {
        transport.close();
        fake.close();
    }

    @Test
    void listingsWithRetriesNeverLogTheKey() throws Exception {
        ListRunsParams twoPerPage = ListRunsParams.builder().limit(2).build();
        try (RunsClient openAi = client().apiKey(KEY).baseUrl(fake.baseUrl()).build();
                RunsClient azure = client().apiKey(KEY).azureEndpoint(fakeRoot()).build()) {
            fake.failNext(1, Fault.status(500));
            assertThat(openAi.listAll(THREAD, twoPerPage).stream().count()).isEqualTo(5);

            fake.failNext(1, Fault.status(500));
            assertThat(countAsync(openAi, twoPerPage)).isEqualTo(5);

            fake.failNext(1, Fault.status(500));
            assertThat(azure.listAll(THREAD, twoPerPage).stream().count()).isEqualTo(5);

            fake.failNext(1, Fault.status(500));
            assertThat(countAsync(azure, twoPerPage)).isEqualTo(5);
        }
        // The client sends every exchange through executeAsync; the classic client serves execute().
        Headers headers = Headers.builder().add("Authorization", "Bearer " + KEY).add("OpenAI-Beta", "assistants=v2").build();
        try (TransportResponse r = transport.execute(TransportRequest.get(
                URI.create(fake.baseUrl() + "/threads/" + THREAD + "/runs"), headers))) {
            assertThat(r.status()).isEqualTo(200);
            r.body().readAllBytes();
        }
        assertThat(fake.requests()).anySatisfy(r -> {
            assertThat(r.path()).startsWith("/openai/");
            assertThat(r.header("api-key")).contains(KEY);
        });

        List<String> log = Files.readAllLines(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")));
        // The key, whole or in the pieces of a hex dump (16 bytes a line), is never printed.
        assertThat(log).as("log lines showing the key or a piece of it").filteredOn(ApacheTraceLoggingTest::showsKey).isEmpty();
        // Logging really was on: Apache's own debug lines, request headers included, reached the log...
        assertLogged(log, "DEBUG org.apache.hc.client5.http.impl.classic");
        assertLogged(log, "DEBUG org.apache.hc.client5.http.impl.async");
        assertLogged(log, "DEBUG org.apache.hc.client5.http.headers");
        assertLogged(log, ">> GET /v1/threads/" + THREAD + "/runs");
        assertLogged(log, ">> GET /openai/v1/threads/" + THREAD + "/runs");
        // ...and the credentials headers were logged with their values redacted.
        assertLogged(log, ">> Authorization: <redacted>");
        assertLogged(log, ">> api-key: <redacted>");
    }

    /** Whether {@code line} holds any {@value #PIECE} characters in a row of the key. */
    private static boolean showsKey(String line) {
        for (int i = 0; i + PIECE <= KEY.length(); i++) {
            if (line.contains(KEY.substring(i, i + PIECE))) {
                return true;
            }
        }
        return false;
    }

    /** Asserts that a line of {@code log} contains {@code text}, without printing the whole log if not. */
    private static void assertLogged(List<String> log, String text) {
        assertThat(log.stream().anyMatch(line -> line.contains(text))).as("a log line contains %s", text).isTrue();
    }

    /** Counts every run by following pages with {@link RunsClient#listAsync}. */
    private static long countAsync(RunsClient client, ListRunsParams first) throws Exception {
        long count = 0;
        Optional<ListRunsParams> next = Optional.of(first);
        while (next.isPresent()) {
            RunPage page = client.listAsync(THREAD, next.get()).get(30, TimeUnit.SECONDS);
            count += page.data().size();
            next = page.nextPageParams();
        }
        return count;
    }

    private static RunsClient.Builder client() {
        return RunsClient.builder()
                .transport(transport)
                .maxRetries(2)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(10));
    }

    /** The fake's base URL without {@code /v1}, where an Azure client adds {@code /openai}. */
    private static String fakeRoot() {
        String base = fake.baseUrl();
        return base.substring(0, base.length() - "/v1".length());
    }

}
