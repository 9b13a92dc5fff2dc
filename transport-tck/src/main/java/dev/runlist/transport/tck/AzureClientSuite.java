package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.ListRunsParams;
import dev.runlist.RunPage;
import dev.runlist.RunsClient;
import dev.runlist.auth.BearerToken;
import dev.runlist.auth.TokenSupplier;
import dev.runlist.errors.AuthenticationException;
import dev.runlist.errors.BadRequestException;
import dev.runlist.errors.NotFoundException;
import dev.runlist.errors.RateLimitException;
import dev.runlist.model.Run;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.FakeRunsApi;
import dev.runlist.testing.Fault;
import dev.runlist.testing.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real {@link RunsClient} over the transport under test against {@link FakeRunsApi} as Azure
 * OpenAI on loopback HTTP: the v1 path and the legacy dated one, the key in {@code api-key} or as a
 * bearer value, Entra ID-style tokens (fetched once, renewed before expiry and once after a 401, one
 * fetch for concurrent calls, never shown), and Azure's error bodies and request ids mapped to the
 * typed exceptions.
 *
 * <p>A transport subscribes by extending this class and implementing {@link #createTransport}. Each
 * test gets a fresh fake and takes at most 60 seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class AzureClientSuite {

    private static final String THREAD = "thread_azure";
    private static final int RUNS = 45;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private FakeRunsApi fake;
    private List<Run> seeded;

    /** For subclasses, which JUnit instantiates once per test. */
    protected AzureClientSuite() {}

    /**
     * Creates the transport under test, configured by {@code config}. Called once or more per test;
     * the suite closes what it gets.
     *
     * @param config the configuration to apply
     * @return a new transport
     */
    protected abstract Transport createTransport(TransportConfig config);

    @BeforeEach
    void startAzureFake() {
        fake = FakeRunsApi.builder().azure().clock(CLOCK).build();
        seeded = fake.seedThread(THREAD, RUNS, 17L);
        fake.startHttp();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        fake.close();
    }

    /** A builder on the transport under test with a fast back-off; the suite closes what it builds. */
    private RunsClient.Builder builder() {
        Transport transport = createTransport(TransportConfig.defaults());
        resources.add(transport);
        return RunsClient.builder().transport(transport).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(10));
    }

    private RunsClient build(RunsClient.Builder builder) {
        RunsClient client = builder.build();
        resources.add(client);
        return client;
    }

    private RunsClient keyClient(String apiVersion) {
        return build(builder().azureEndpoint(fake.endpoint()).apiKey(fake.apiKey()).apiVersion(apiVersion));
    }

    private RunsClient tokenClient(TokenSupplier tokens) {
        return build(builder().azureEndpoint(fake.endpoint()).bearerToken(tokens));
    }

    private static final ListRunsParams PAGES_OF_20 = ListRunsParams.builder().limit(20).build();

    private void assertListsEveryRunNewestFirst(RunsClient client) {
        List<String> ids = client.listAll(THREAD, PAGES_OF_20).stream().map(Run::id).collect(Collectors.toList());
        List<String> expected = new ArrayList<>(seeded.stream().map(Run::id).collect(Collectors.toList()));
        java.util.Collections.reverse(expected);
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    private List<RecordedRequest> journal() {
        return fake.requests();
    }

    private static String authorization(RecordedRequest r) {
        return r.header("Authorization").orElse("none");
    }

    // ---- endpoint shapes ------------------------------------------------------------------------------

    /** By default the client lists from Azure's v1 path with no api-version and the key in api-key. */
    @Test
    void v1IsTheDefaultShapeWithTheKeyInApiKey() {
        assertListsEveryRunNewestFirst(keyClient(null));
        assertThat(journal()).hasSize(3).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/openai/v1/threads/" + THREAD + "/runs");
            assertThat(r.queryParam("api-version")).isEmpty();
            assertThat(r.header("api-key")).contains(fake.apiKey());
            assertThat(r.header("Authorization")).isEmpty();
        });
    }

    /** api-version "preview" or "v1" keeps the v1 path and sends the query parameter. */
    @Test
    void previewAndV1VersionsKeepTheV1PathWithTheQuery() {
        for (String version : List.of("preview", "v1")) {
            RunPage page = keyClient(version).list(THREAD, PAGES_OF_20);
            assertThat(page.data()).hasSize(20);
            RecordedRequest r = fake.takeRequest();
            assertThat(r.path()).startsWith("/openai/v1/threads/");
            assertThat(r.queryParam("api-version")).contains(version);
        }
    }

    /** A dated api-version keeps the legacy /openai/threads/...?api-version= shape, every page included. */
    @Test
    void datedVersionUsesTheLegacyShape() {
        assertListsEveryRunNewestFirst(keyClient("2024-05-01-preview"));
        assertThat(journal()).hasSize(3).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/openai/threads/" + THREAD + "/runs");
            assertThat(r.queryParam("api-version")).contains("2024-05-01-preview");
        });
    }

    /**
     * The key as a bearer value at {@code {endpoint}/openai/v1}, as the official SDKs send it, works
     * through {@code baseUrl} too.
     */
    @Test
    void keyAsBearerAtTheV1BaseUrlWorksLikeTheOfficialSdks() {
        assertListsEveryRunNewestFirst(build(builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())));
        assertThat(journal()).allSatisfy(r -> assertThat(authorization(r)).isEqualTo("Bearer " + fake.apiKey()));
    }

    // ---- tokens ---------------------------------------------------------------------------------------

    /** A supplier handing out the given tokens in order, counting its calls. */
    private static final class Tokens implements TokenSupplier {
        private final List<BearerToken> tokens;
        final AtomicInteger calls = new AtomicInteger();

        Tokens(BearerToken... tokens) {
            this.tokens = Arrays.asList(tokens);
        }

        @Override
        public BearerToken token() {
            int n = calls.incrementAndGet();
            if (n > tokens.size()) {
                throw new AssertionError("the token supplier was called " + n + " times; only " + tokens.size()
                        + " tokens were scripted");
            }
            return tokens.get(n - 1);
        }
    }

    private static BearerToken valid(String token) {
        return BearerToken.of(token, Instant.now().plus(Duration.ofHours(1)));
    }

    /** An Entra ID-style token is fetched once and sent as Authorization: Bearer with every page. */
    @Test
    void entraTokenIsFetchedOnceForAWholeListing() {
        fake.grantToken("entra-token-1");
        Tokens tokens = new Tokens(valid("entra-token-1"));
        assertListsEveryRunNewestFirst(tokenClient(tokens));
        assertThat(tokens.calls).hasValue(1);
        assertThat(journal()).hasSize(3).allSatisfy(r -> {
            assertThat(authorization(r)).isEqualTo("Bearer entra-token-1");
            assertThat(r.header("api-key")).isEmpty();
        });
    }

    /** A token expiring within two minutes is replaced before the next call sends it. */
    @Test
    void tokenAboutToExpireIsRenewedBeforeTheNextCall() {
        fake.grantToken("entra-expiring").grantToken("entra-next");
        Tokens tokens = new Tokens(BearerToken.of("entra-expiring", Instant.now().plus(Duration.ofSeconds(60))),
                valid("entra-next"));
        RunsClient client = tokenClient(tokens);
        client.list(THREAD);
        client.list(THREAD);
        client.listAsync(THREAD, ListRunsParams.none()).join();
        assertThat(tokens.calls).hasValue(2);
        assertThat(journal()).extracting(AzureClientSuite::authorization)
                .containsExactly("Bearer entra-expiring", "Bearer entra-next", "Bearer entra-next");
    }

    /**
     * A token revoked before its stated expiry is answered 401; the client fetches a new one and
     * repeats the request once, synchronously and asynchronously.
     */
    @Test
    void revokedTokenIsRenewedOnceAfterA401() {
        fake.grantToken("entra-a");
        Tokens tokens = new Tokens(valid("entra-a"), valid("entra-b"), valid("entra-c"));
        RunsClient client = build(builder().azureEndpoint(fake.endpoint()).bearerToken(tokens).maxRetries(0));
        client.list(THREAD);

        fake.revokeToken("entra-a");
        fake.grantToken("entra-b");
        assertThat(client.list(THREAD).data()).hasSize(20);
        fake.revokeToken("entra-b");
        fake.grantToken("entra-c");
        assertThat(client.listAsync(THREAD, ListRunsParams.none()).join().data()).hasSize(20);

        assertThat(tokens.calls).hasValue(3);
        assertThat(journal()).extracting(AzureClientSuite::authorization).containsExactly(
                "Bearer entra-a", "Bearer entra-a", "Bearer entra-b", "Bearer entra-b", "Bearer entra-c");
    }

    /**
     * A token the server never accepts fails after one renewal with Azure's 401 message and request
     * id; no token shows in the exception, its stack trace or the client's toString().
     */
    @Test
    void tokenNeverAcceptedFailsAfterOneRenewalWithoutShowingIt() {
        Tokens tokens = new Tokens(valid("entra-secret-one"), valid("entra-secret-two"));
        RunsClient client = tokenClient(tokens);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.list(THREAD));
        assertThat(thrown).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.error().message()).startsWith("Unauthorized. Access token is missing, invalid");
            assertThat(e.requestId()).matches(UUID_PATTERN);
        });
        assertThat(tokens.calls).hasValue(2);
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace + client.toString() + journal()).doesNotContain("entra-secret");
    }

    /**
     * Concurrent listings with no token yet trigger one fetch: the supplier holds the first call until
     * every other listing waits inside the client for its token (or calls the supplier itself, which
     * fails the test).
     */
    @Test
    void concurrentListingsShareOneTokenFetch() throws Exception {
        fake.grantToken("entra-shared");
        int threads = 6;
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        TokenSupplier supplier = () -> {
            calls.incrementAndGet();
            awaitOthersWaitingForAToken(workers, calls, 1);
            return valid("entra-shared");
        };
        RunsClient client = tokenClient(supplier);
        List<RunPage> pages = runConcurrently(threads, workers, client);
        assertThat(calls).hasValue(1);
        assertThat(pages).hasSize(threads).allSatisfy(p -> assertThat(p.data()).hasSize(20));
        assertThat(journal()).hasSize(threads)
                .allSatisfy(r -> assertThat(authorization(r)).isEqualTo("Bearer entra-shared"));
    }

    /** Concurrent listings all answered 401 for a revoked token renew it once between them. */
    @Test
    void concurrentRejectionsRenewTheTokenOnce() throws Exception {
        fake.grantToken("entra-old");
        int threads = 6;
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        TokenSupplier supplier = () -> {
            if (calls.incrementAndGet() == 1) {
                return valid("entra-old");
            }
            awaitOthersWaitingForAToken(workers, calls, 2);
            return valid("entra-new");
        };
        RunsClient client = tokenClient(supplier);
        client.list(THREAD);
        fake.revokeToken("entra-old");
        fake.grantToken("entra-new");
        fake.clearJournal();

        List<RunPage> pages = runConcurrently(threads, workers, client);
        assertThat(calls).hasValue(2);
        assertThat(pages).hasSize(threads).allSatisfy(p -> assertThat(p.data()).hasSize(20));
        List<String> sent = journal().stream().map(AzureClientSuite::authorization).collect(Collectors.toList());
        assertThat(sent).filteredOn("Bearer entra-new"::equals).hasSize(threads);
        assertThat(sent).filteredOn("Bearer entra-old"::equals).hasSizeBetween(1, threads);
    }

    /**
     * Returns once every worker but the current thread waits inside the client's token cache, or the
     * supplier was called more than {@code expectedCalls} times (a broken cache, which the test then
     * reports).
     */
    private static void awaitOthersWaitingForAToken(Set<Thread> workers, AtomicInteger calls, int expectedCalls) {
        while (calls.get() == expectedCalls) {
            boolean allWaiting = workers.stream().filter(t -> t != Thread.currentThread())
                    .allMatch(AzureClientSuite::waitsForAToken);
            if (allWaiting) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static boolean waitsForAToken(Thread t) {
        Thread.State state = t.getState();
        if (state != Thread.State.WAITING && state != Thread.State.BLOCKED && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        return Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().equals("dev.runlist.internal.TokenCache"));
    }

    /**
     * Lists the first page from {@code threads} threads at once, each registered in {@code workers}
     * before any starts.
     */
    private static List<RunPage> runConcurrently(int threads, Set<Thread> workers, RunsClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch registered = new CountDownLatch(threads);
            List<Future<RunPage>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    workers.add(Thread.currentThread());
                    registered.countDown();
                    registered.await();
                    return client.list(THREAD);
                }));
            }
            List<RunPage> results = new ArrayList<>();
            for (Future<RunPage> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- Azure's answers ------------------------------------------------------------------------------

    /** A wrong key meets the gateway's 401, named by apim-request-id alone, not retried, the key not shown. */
    @Test
    void wrongKeyIsAnAuthenticationExceptionWithAzuresCodeAndApimRequestId() {
        RunsClient client = build(builder().azureEndpoint(fake.endpoint()).apiKey("0123456789abcdef0123456789abcdef"));
        assertThatThrownBy(() -> client.list(THREAD)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.error().code()).isEqualTo("401");
            assertThat(e.error().type()).isNull();
            assertThat(e.error().message()).startsWith("Access denied due to invalid subscription key");
            assertThat(e.requestId()).matches(UUID_PATTERN);
            assertThat(e.getMessage()).contains("request id " + e.requestId())
                    .doesNotContain("0123456789abcdef0123456789abcdef");
        });
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    /** Azure's DeploymentNotFound is a NotFoundException carrying its string code and the request id. */
    @Test
    void deploymentNotFoundIsANotFoundExceptionWithAzuresCode() {
        fake.enqueue(Fault.body(404, "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment"
                + " for this resource does not exist. If you created the deployment within the last 5 minutes,"
                + " please wait a moment and try again.\"}}"));
        assertThatThrownBy(() -> keyClient(null).list(THREAD)).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.error().code()).isEqualTo("DeploymentNotFound");
            assertThat(e.error().type()).isNull();
            assertThat(e.error().param()).isNull();
            assertThat(e.error().message()).startsWith("The API deployment for this resource does not exist.");
            assertThat(e.requestId()).matches(UUID_PATTERN);
        });
    }

    /** Azure's throttling (code "429", retry-after-ms) is retried after the server's delay, then given up typed. */
    @Test
    void throttlingIsRetriedThenARateLimitExceptionWithAzuresCode() {
        Fault throttled = Fault.body(429, "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the"
                        + " Assistants_List Operation under Azure OpenAI API version 2024-05-01-preview have exceeded"
                        + " call rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second.\"}}")
                .header("retry-after-ms", "5").header("Retry-After", "1");
        fake.enqueue(throttled);
        assertThat(keyClient(null).list(THREAD).data()).hasSize(20);
        assertThat(fake.requestCount()).isEqualTo(2);

        fake.failNext(3, throttled);
        assertThatThrownBy(() -> keyClient(null).list(THREAD)).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.error().code()).isEqualTo("429");
            assertThat(e.error().message()).contains("exceeded call rate limit");
            assertThat(e.requestId()).matches(UUID_PATTERN);
        });
    }

    /** A dated api-version on the v1 path is Azure's 400 "API version not supported", code BadRequest. */
    @Test
    void datedVersionOnTheV1PathIsABadRequest() {
        RunsClient client = build(builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).apiVersion("2024-05-01-preview"));
        assertThatThrownBy(() -> client.list(THREAD)).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.error().code()).isEqualTo("BadRequest");
            assertThat(e.error().message()).isEqualTo("API version not supported");
        });
    }

    /** The legacy path without api-version, or an unknown thread, is a NotFoundException with Azure's words. */
    @Test
    void unknownPathAndUnknownThreadAreNotFound() {
        RunsClient legacyWithoutVersion = build(builder().baseUrl(fake.endpoint() + "/openai").apiKey(fake.apiKey()));
        assertThatThrownBy(() -> legacyWithoutVersion.list(THREAD)).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.error().code()).isEqualTo("404");
            assertThat(e.error().message()).isEqualTo("Resource not found");
        });
        assertThatThrownBy(() -> keyClient(null).list("thread_missing")).isInstanceOfSatisfying(NotFoundException.class,
                e -> {
                    assertThat(e.error().message()).isEqualTo("No thread found with id 'thread_missing'.");
                    assertThat(e.requestId()).matches(UUID_PATTERN);
                });
    }

    /** A successful page carries Azure's request id. */
    @Test
    void pagesCarryAzuresRequestId() {
        RunPage page = keyClient(null).list(THREAD);
        assertThat(page.requestId()).hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
    }
}
