package dev.runlist.testing;

import dev.runlist.RunsClient;
import dev.runlist.model.Run;
import dev.runlist.spi.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake of OpenAI's {@code GET /v1/threads/{thread_id}/runs} that answers like the real API, for
 * tests: in memory through {@link #transport()} (or a ready {@link #client()}), and over loopback HTTP
 * at {@link #baseUrl()} for any client, curl and the official SDK included. Both ways run the same
 * handler, so they cannot disagree.
 *
 * <p><b>Answers.</b> Runs are ordered by {@code created_at} (whole seconds), ties broken by id, in
 * the requested {@code order} (default {@code desc}); {@code limit} defaults to 20 and must be 1..100;
 * {@code after=X} gives the runs following X, {@code before=X} the {@code limit} runs nearest before
 * X, still in the requested order; {@code has_more} says whether more runs lie beyond the page in the
 * direction of travel. A cursor naming a deleted run still marks its place; a cursor naming a run this
 * thread never held is answered 400 with {@code param} {@code after} or {@code before}. Errors use the
 * OpenAI envelope: bad {@code limit} or {@code order} (400), missing or wrong key (401, the key
 * masked), missing {@code OpenAI-Beta: assistants=v2} (400), unknown thread (404), unknown path (404),
 * other methods (405). The key is read from {@code Authorization: Bearer K} or Azure's
 * {@code api-key: K}; paths may start {@code /v1} or Azure's {@code /openai}; unknown query
 * parameters such as {@code api-version} are ignored. Every response carries
 * {@code x-request-id: req_<hex>} and {@code openai-processing-ms}. Tokens given to
 * {@link #grantToken} are accepted as {@code Authorization: Bearer TOKEN} besides the key.
 *
 * <p><b>As Azure OpenAI</b> ({@link Builder#azure()}): serves Azure's v1 path
 * {@code /openai/v1/threads/{thread_id}/runs} ({@code api-version} absent, {@code v1} or
 * {@code preview}) and the legacy {@code /openai/threads/{thread_id}/runs?api-version=YYYY-MM-DD[-preview]}
 * at {@link #endpoint()}; takes the key in {@code api-key} or as {@code Authorization: Bearer KEY}, or a
 * granted token as {@code Authorization: Bearer TOKEN}; no {@code OpenAI-Beta} header is needed. Its
 * gateway answers as Azure's does: a wrong or missing key 401
 * {@code {"error":{"code":"401","message":"Access denied due to invalid subscription key ..."}}}, a bearer
 * value it does not know 401 {@code {"statusCode":401,"message":"Unauthorized. Access token is missing,
 * invalid, ..."}}, another path or a legacy path without {@code api-version} 404
 * {@code {"error":{"code":"404","message":"Resource not found"}}}, an unsupported version 400
 * {@code {"error":{"code":"BadRequest","message":"API version not supported"}}}; these carry only
 * {@code apim-request-id}, other answers {@code apim-request-id}, {@code x-request-id} and
 * {@code x-ms-region}. Past the gateway it answers as above. {@link Fault#status} still sends OpenAI's
 * envelope; script Azure's own bodies with {@link Fault#body(int, String)}.
 *
 * <p><b>Faults</b> ({@link #enqueue}, {@link #failNext}, {@link #failWhen}) are {@link Fault}
 * values composed from a status, headers, a body, a delay, a body pace, a cut and a dropped
 * connection; each is used once; rules are checked before the queue; with nothing scripted the fake
 * answers normally. Their delays go through the builder's {@link Sleeper}. <b>The journal</b> records
 * every request received ({@link #takeRequest()}, {@link #requests()}).
 *
 * <p><b>Runs</b> come from {@link #seedThread} (generated on demand from a seed, so a million runs
 * cost no memory), {@link #load} (an archive of exported runs) and {@link #addRun}.
 *
 * <p>Thread-safe: state, faults and journal may be changed while requests are served; each listing
 * sees one consistent state of its thread. Close it to stop the HTTP server and free its port.
 */
public final class FakeRunsApi implements AutoCloseable {

    /** The API key the fake accepts unless told otherwise. */
    public static final String DEFAULT_API_KEY = "sk-fake-runlist";
    /** How long {@link #takeRequest()} waits for a request. */
    public static final Duration TAKE_TIMEOUT = Duration.ofSeconds(5);

    private final String apiKey;
    private final boolean azure;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final RunStore store = new RunStore();
    private final RequestJournal journal;
    private final FaultScript faults = new FaultScript();
    private final FakeHandler handler;
    private final ExecutorService async;
    private final InMemoryTransport transport;
    private final Sleeper sleeper;
    private final List<RunsClient> clients = new ArrayList<>();
    private HttpFrontend http;
    private boolean closed;

    private FakeRunsApi(Builder b) {
        this.apiKey = b.apiKey;
        this.azure = b.azure;
        this.clock = b.clock;
        this.journal = new RequestJournal(b.recordRequests);
        this.handler = new FakeHandler(store, journal, faults, b.apiKey, b.requireBetaHeader, b.clock, tokens,
                b.azure ? new AzureDialect(b.apiKey, tokens) : null);
        AtomicInteger n = new AtomicInteger();
        this.async = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runlist-fake-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.transport = new InMemoryTransport(handler, async, b.sleeper);
        this.sleeper = b.sleeper;
    }

    /**
     * A fake with every default: key {@value #DEFAULT_API_KEY}, the system UTC clock, beta header required.
     *
     * @return the fake, serving in memory until {@link #startHttp()}
     */
    public static FakeRunsApi create() {
        return builder().build();
    }

    /**
     * A builder holding the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ serving

    /**
     * The in-memory transport: no sockets, the fake's answers delivered as a server would send them
     * (a streamed body, a truncated body that fails mid-way, latency bounded by the request's
     * timeout, cancellation of async calls). Shared, thread-safe; closing it does nothing, closing
     * the fake stops it.
     *
     * @return the transport
     */
    public Transport transport() {
        return transport;
    }

    /**
     * Starts the loopback HTTP server on a free port if it is not running and returns its base URL,
     * {@code http://127.0.0.1:PORT/v1} (as Azure: {@code http://127.0.0.1:PORT/openai/v1}, the base URL
     * of the official SDKs pointed at Azure's v1 API). Idempotent.
     *
     * @return the base URL
     * @throws IllegalStateException when the fake is closed
     * @throws java.io.UncheckedIOException when the server cannot bind
     */
    public String startHttp() {
        return startHttp(0);
    }

    /**
     * Starts the loopback HTTP server on {@code port} (0: a free one) if it is not running, and returns
     * its base URL. When the server already runs, {@code port} is ignored.
     *
     * @param port the port, 0..65535
     * @return the base URL, {@code http://127.0.0.1:PORT/v1}
     * @throws IllegalStateException when the fake is closed
     * @throws java.io.UncheckedIOException when the server cannot bind, for example because the port is taken
     */
    public synchronized String startHttp(int port) {
        if (closed) {
            throw new IllegalStateException("this FakeRunsApi is closed");
        }
        if (http == null) {
            http = new HttpFrontend(handler, sleeper, port);
        }
        return root() + (azure ? "/openai/v1" : "/v1");
    }

    /**
     * The HTTP base URL, {@code http://127.0.0.1:PORT/v1} (as Azure {@code http://127.0.0.1:PORT/openai/v1}),
     * starting the server on first use; see {@link #startHttp()}.
     *
     * @return the base URL
     * @throws IllegalStateException when the fake is closed
     */
    public String baseUrl() {
        return startHttp();
    }

    /**
     * The server's root, {@code http://127.0.0.1:PORT}, starting it on first use: the Azure endpoint to
     * give {@link RunsClient.Builder#azureEndpoint}.
     *
     * @return the root URL, without a trailing slash
     * @throws IllegalStateException when the fake is closed
     */
    public synchronized String endpoint() {
        startHttp();
        return root();
    }

    private String root() {
        return "http://127.0.0.1:" + http.port();
    }

    /** {@return whether this fake answers as Azure OpenAI; see {@link Builder#azure()}} */
    public boolean isAzure() {
        return azure;
    }

    /**
     * Accepts {@code token} as {@code Authorization: Bearer TOKEN} from now on, besides the key, the
     * way Azure accepts a Microsoft Entra ID token or a server accepts an OAuth2 access token.
     *
     * @param token the token to accept
     * @return this fake
     * @throws IllegalArgumentException when {@code token} is null or blank
     */
    public FakeRunsApi grantToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        tokens.add(token);
        return this;
    }

    /**
     * Stops accepting {@code token}, as when it expires or is revoked: requests carrying it are answered
     * 401 from now on.
     *
     * @param token a token given to {@link #grantToken}
     * @return whether it was accepted until now
     */
    public boolean revokeToken(String token) {
        return tokens.remove(token);
    }

    /**
     * A new client on the in-memory transport with this fake's key and a short retry back-off
     * ({@code retryBackoff(1 ms, 10 ms)}, default retry count); closed with the fake. As Azure, the
     * client targets Azure's v1 API with the key in {@code api-key}.
     *
     * @return the client
     */
    public synchronized RunsClient client() {
        RunsClient.Builder builder = RunsClient.builder();
        if (azure) {
            builder.azureEndpoint("http://fake.runlist.invalid");
        } else {
            builder.baseUrl("http://fake.runlist.invalid/v1");
        }
        RunsClient client = builder
                .apiKey(apiKey == null ? DEFAULT_API_KEY : apiKey)
                .transport(transport)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(10))
                .build();
        clients.add(client);
        return client;
    }

    /**
     * The key the fake accepts.
     *
     * @return the key, or null when it accepts any non-empty key
     */
    public String apiKey() {
        return apiKey;
    }

    // ------------------------------------------------------------------ state

    /**
     * Creates an empty thread; does nothing if it exists.
     *
     * @param threadId the thread's id
     * @return this fake
     * @throws IllegalArgumentException when {@code threadId} is empty
     */
    public FakeRunsApi createThread(String threadId) {
        store.createThread(threadId);
        return this;
    }

    /**
     * Deletes a thread and its runs: listing it answers 404 afterwards.
     *
     * @param threadId the thread's id
     * @return whether it existed
     */
    public boolean deleteThread(String threadId) {
        return store.deleteThread(threadId);
    }

    /**
     * Adds {@code run} to the thread named by its {@link Run#threadId()}, creating the thread when
     * it does not exist.
     *
     * @param run the run
     * @return this fake
     * @throws IllegalArgumentException when the thread already holds a run with that id
     */
    public FakeRunsApi addRun(Run run) {
        store.add(Objects.requireNonNull(run, "run"));
        return this;
    }

    /**
     * Replaces the run with {@code run}'s id in its thread; a changed {@code created_at} moves it.
     *
     * @param run the new content of the run
     * @return this fake
     * @throws IllegalArgumentException when the thread does not exist or holds no run with that id
     */
    public FakeRunsApi updateRun(Run run) {
        Objects.requireNonNull(run, "run");
        store.existing(run.threadId()).update(run);
        return this;
    }

    /**
     * Deletes a run, keeping its place: a cursor naming it still resolves, so a listing in progress
     * neither skips nor repeats runs.
     *
     * @param threadId the thread's id
     * @param runId the run's id
     * @return whether the run existed
     * @throws IllegalArgumentException when the thread does not exist
     */
    public boolean deleteRun(String threadId, String runId) {
        return store.existing(threadId).delete(Objects.requireNonNull(runId, "runId"));
    }

    /**
     * The thread's runs, oldest first (ascending {@code created_at}, then id); an immutable snapshot.
     * For a seeded thread nothing changed since, it is the seeded list itself, which makes each run
     * when asked for; otherwise every run is held in the list.
     *
     * @param threadId the thread's id
     * @return the runs
     * @throws IllegalArgumentException when the thread does not exist
     */
    public List<Run> runs(String threadId) {
        return store.existing(threadId).snapshot();
    }

    /**
     * Creates {@code threadId} if needed and adds {@code count} realistic runs, the ones {@link
     * RunFixtures#create(long, Clock) RunFixtures.create(seed, clock)}{@code .runs(threadId, count)}
     * makes with this fake's clock: every timestamp at or before the clock's instant. Into a thread
     * that holds nothing yet the runs are not stored but generated on demand from the seed and their
     * index, so a thread of a million runs takes almost no memory; runs added, updated or deleted
     * later change it as usual.
     *
     * @param threadId the thread, created when absent
     * @param count how many runs, 0 or more
     * @param seed the seed; the same seed and clock give the same runs
     * @return the seeded runs oldest first: an immutable list that makes each run when asked for
     * @throws IllegalArgumentException when {@code count} is negative, {@code threadId} empty, or
     *     the thread already holds a generated id
     */
    public List<Run> seedThread(String threadId, int count, long seed) {
        SeededRuns runs = new SeededRuns(threadId, count, seed, clock.instant());
        store.seed(runs);
        return runs;
    }

    /**
     * Adds the runs of an archive file to their threads (by each run's {@code thread_id}, creating
     * the threads), kept exactly as read, unknown fields included, and served like any others:
     * ordered by {@code created_at} then id, with the API's cursors and errors. The file holds JSON
     * objects one after another, each a run (the lines of {@code runlist list --format jsonl}) or a
     * page of runs ({@code {"object": "list", "data": [...]}}, as saved from the API or printed by
     * {@code --format json}). A run that appears twice with the same content (overlapping saved
     * pages) is added once.
     *
     * @param file the archive
     * @return how many runs each thread received, by thread id in the order first met; immutable
     * @throws java.io.UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not such a sequence (naming the line and byte
     *     offset of the value at fault), or holds two different runs with one id in a thread, or a
     *     run whose id a thread already holds; the runs read before the fault stay added
     */
    public Map<String, Integer> load(Path file) {
        Objects.requireNonNull(file, "file");
        List<Run> runs;
        try {
            runs = RunArchive.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the run archive " + file, e);
        }
        Map<String, Run> seen = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Run run : runs) {
            Run earlier = seen.putIfAbsent(run.threadId() + '\u0000' + run.id(), run);
            if (earlier != null) {
                if (!earlier.equals(run)) {
                    throw new IllegalArgumentException(file + " holds two different runs with id '" + run.id()
                            + "' in thread '" + run.threadId() + "'");
                }
                continue;
            }
            store.add(run);
            counts.merge(run.threadId(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    // ------------------------------------------------------------------ faults

    /**
     * Answers the next request not matched by a {@link #failWhen} rule with {@code fault}, once.
     *
     * @param fault the fault
     * @return this fake
     */
    public FakeRunsApi enqueue(Fault fault) {
        faults.enqueue(fault, 1);
        return this;
    }

    /**
     * Answers the next {@code n} requests not matched by a {@link #failWhen} rule with {@code fault}.
     *
     * @param n how many requests, at least 1
     * @param fault the fault
     * @return this fake
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public FakeRunsApi failNext(int n, Fault fault) {
        faults.enqueue(fault, n);
        return this;
    }

    /**
     * Answers the next {@code times} requests matching {@code when} with {@code fault}; the rule is
     * dropped once used up. Rules are checked in the order added, before the queue. {@code when} runs
     * on a serving thread; an exception it throws is answered 500.
     *
     * @param when which requests the fault answers
     * @param fault the fault
     * @param times how many matching requests, at least 1
     * @return this fake
     * @throws IllegalArgumentException when {@code times} is less than 1
     */
    public FakeRunsApi failWhen(Predicate<RecordedRequest> when, Fault fault, int times) {
        faults.addRule(when, fault, times);
        return this;
    }

    /**
     * How many scripted fault deliveries remain.
     *
     * @return the queued faults plus the rules' remaining counts
     */
    public int pendingFaults() {
        return faults.pending();
    }

    /** Forgets every scripted fault not yet delivered. */
    public void clearFaults() {
        faults.clear();
    }

    // ------------------------------------------------------------------ journal

    /**
     * How many requests arrived since the start or {@link #clearJournal()}; taken ones included,
     * counted even when the fake keeps no journal.
     *
     * @return the count
     */
    public int requestCount() {
        return journal.count();
    }

    /**
     * Every request recorded, in arrival order.
     *
     * @return an immutable snapshot; empty when the fake keeps no journal
     */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /**
     * The oldest request not yet taken, waiting up to {@link #TAKE_TIMEOUT} (5 s) for one.
     *
     * @return the request
     * @throws AssertionError when none arrives in time, or the fake keeps no journal
     */
    public RecordedRequest takeRequest() {
        return journal.take(TAKE_TIMEOUT);
    }

    /**
     * The oldest request not yet taken, waiting up to {@code timeout} for one.
     *
     * @param timeout how long to wait
     * @return the request
     * @throws AssertionError when none arrives in time, or the fake keeps no journal
     */
    public RecordedRequest takeRequest(Duration timeout) {
        return journal.take(Objects.requireNonNull(timeout, "timeout"));
    }

    /** Forgets every recorded request; the next one is numbered 0. */
    public void clearJournal() {
        journal.clear();
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Stops the HTTP server (freeing its port), the clients made by {@link #client()} and the
     * in-memory transport (later calls fail with an {@link java.io.IOException}). Idempotent.
     */
    @Override
    public void close() {
        List<RunsClient> toClose;
        HttpFrontend server;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(clients);
            clients.clear();
            server = http;
            http = null;
        }
        toClose.forEach(RunsClient::close);
        if (server != null) {
            server.close();
        }
        async.shutdownNow();
        try {
            async.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Names the HTTP base URL when the server runs. */
    @Override
    public synchronized String toString() {
        return "FakeRunsApi[" + (azure ? "Azure, " : "") + (http == null ? "in memory" : root() + (azure ? "/openai/v1" : "/v1"))
                + "]";
    }

    /** Builds a {@link FakeRunsApi}; not thread-safe. */
    public static final class Builder {
        private String apiKey = DEFAULT_API_KEY;
        private Clock clock = Clock.systemUTC();
        private boolean requireBetaHeader = true;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private boolean recordRequests = true;
        private boolean azure;

        private Builder() {}

        /**
         * Answers as Azure OpenAI instead of OpenAI: Azure's paths, {@code api-version}s, credentials,
         * gateway errors and headers, as {@link FakeRunsApi} describes. Default: OpenAI.
         *
         * @return this builder
         */
        public Builder azure() {
            this.azure = true;
            return this;
        }

        /**
         * Sets the only key accepted; default {@value FakeRunsApi#DEFAULT_API_KEY}. Null accepts any
         * non-empty key (a missing key is still answered 401).
         *
         * @param apiKey the key, or null for any
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Sets the clock that timestamps recorded requests and anchors seeded runs; default the
         * system UTC clock. A fixed clock makes {@link FakeRunsApi#seedThread} repeatable byte for byte.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets whether {@code OpenAI-Beta: assistants=v2} is required, as the real API does; default true.
         *
         * @param require whether to answer 400 without it
         * @return this builder
         */
        public Builder requireBetaHeader(boolean require) {
            this.requireBetaHeader = require;
            return this;
        }

        /**
         * Sets how the fake waits out the delays that faults script (before headers, between body
         * pieces); default {@link Sleeper#SYSTEM}, real time. A test passes a sleeper that records the
         * delays or blocks on a latch, so it never waits for time to pass.
         *
         * @param sleeper the sleeper, shared by the in-memory transport and the HTTP server
         * @return this builder
         * @throws NullPointerException when {@code sleeper} is null
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets whether the fake keeps every request in its journal; default true. A long-running
         * fake (such as {@code runlist serve-fake}) turns it off to keep its memory flat: {@link
         * FakeRunsApi#requestCount()} still counts, {@link FakeRunsApi#requests()} is then empty and
         * {@link FakeRunsApi#takeRequest()} fails at once.
         *
         * @param record whether to keep requests
         * @return this builder
         */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /**
         * Builds the fake; it starts no HTTP server until {@link FakeRunsApi#startHttp()}.
         *
         * @return a new fake
         */
        public FakeRunsApi build() {
            return new FakeRunsApi(this);
        }
    }
}
