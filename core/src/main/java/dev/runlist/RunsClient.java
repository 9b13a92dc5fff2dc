package dev.runlist;

import dev.runlist.errors.DecodeException;
import dev.runlist.errors.PaginationException;
import dev.runlist.auth.TokenSupplier;
import dev.runlist.internal.Authenticator;
import dev.runlist.internal.ClientSettings;
import dev.runlist.internal.ErrorMapper;
import dev.runlist.internal.ListenerEvents;
import dev.runlist.internal.ListRequestFactory;
import dev.runlist.internal.LiveCalls;
import dev.runlist.internal.Redaction;
import dev.runlist.internal.RequestExecutor;
import dev.runlist.internal.RequestExecutor.BodyReader;
import dev.runlist.internal.RetryPolicy;
import dev.runlist.internal.TransportLoader;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Lists the runs of OpenAI Assistants threads ({@code GET /threads/{thread_id}/runs}).
 *
 * <pre>{@code
 * try (RunsClient client = RunsClient.fromEnv()) {
 *     RunPage page = client.list("thread_abc", ListRunsParams.builder().limit(50).build());
 *     for (Run run : client.listAll("thread_abc")) { ... }
 * }
 * }</pre>
 *
 * <p>Every call retries connection errors, 408, 409, 429 and 5xx (2 retries by default, with
 * back-off honouring {@code Retry-After}), is bounded by an overall timeout (60 s by default,
 * all attempts included) and throws a {@link dev.runlist.errors.RunlistException} subclass on
 * failure.
 *
 * <p>Every call ends on time. The timeout is one deadline for the whole call (connect, waiting for a
 * pooled connection, TLS, headers, body and every retry wait): when it passes the exchange is aborted
 * and the call fails with a {@link dev.runlist.errors.RunlistTimeoutException} naming the time
 * elapsed. {@link #close()} ends every running call with a {@link dev.runlist.errors.ClientClosedException};
 * cancelling a future or a subscription closes the connection in any phase; interrupting a thread
 * blocked in a call ends it with a {@link dev.runlist.errors.RunlistException} caused by the
 * {@link InterruptedException}, the thread's interrupt flag still set.
 *
 * <p>Thread-safe: share one client; close it to end its calls and release the transport it discovered.
 */
public final class RunsClient implements AutoCloseable {

    /** This library's version, such as {@code 0.1.0}; {@code "dev"} when run from sources. */
    public static final String VERSION = dev.runlist.internal.UserAgent.VERSION;

    /** The default API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The default overall timeout of one call, all attempts included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final ClientSettings settings;
    private final ListRequestFactory requests;
    private final RequestExecutor executor;
    private final LiveCalls calls;
    private final @Nullable ExecutorService ownedAsyncExecutor;

    private RunsClient(ClientSettings settings, LiveCalls calls, @Nullable ExecutorService ownedAsyncExecutor) {
        this.settings = settings;
        this.requests = new ListRequestFactory(settings);
        this.calls = calls;
        this.ownedAsyncExecutor = ownedAsyncExecutor;
        this.executor = new RequestExecutor(settings, calls);
    }

    /** {@return a builder with every default and nothing read from the environment} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
     * {@code OPENAI_ORG_ID}, {@code OPENAI_PROJECT_ID}; or, when {@code AZURE_OPENAI_ENDPOINT} is set,
     * Azure OpenAI at that endpoint (see {@link Builder#azureEndpoint}) with {@code AZURE_OPENAI_API_KEY}
     * (else {@code OPENAI_API_KEY}) and, when set, {@code OPENAI_API_VERSION} (see
     * {@link Builder#apiVersion}).
     *
     * @return a client configured from the environment
     * @throws IllegalStateException when no API key is set
     */
    public static RunsClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * The first page of runs of {@code threadId} with the API's defaults (20 runs, newest first).
     *
     * @param threadId the thread whose runs to list, such as {@code thread_abc}
     * @return the first page
     * @throws IllegalArgumentException when {@code threadId} is blank
     * @throws dev.runlist.errors.RunlistException when the call fails
     */
    public RunPage list(String threadId) {
        return list(threadId, ListRunsParams.none());
    }

    /**
     * One page of runs of {@code threadId}, as {@code params} ask. A page holding more runs than
     * {@code limit} (the API's default of 20 when not set) is refused as soon as the first run beyond
     * is read.
     *
     * @param threadId the thread whose runs to list
     * @param params the query and request options
     * @return the page
     * @throws IllegalArgumentException when {@code threadId} is blank
     * @throws dev.runlist.errors.PaginationException when the page holds more runs than {@code limit}
     * @throws dev.runlist.errors.RunlistException when the call fails
     */
    public RunPage list(String threadId, ListRunsParams params) {
        ListRequestFactory.requireThreadId(threadId);
        Objects.requireNonNull(params, "params");
        return executor.execute(remaining -> requests.request(threadId, params, remaining),
                pageReader(threadId, params), timeoutOf(params));
    }

    /**
     * The page after {@code page} in its direction of travel, fetched with the same options (limit,
     * order, headers, timeout): {@code after=last_id} going forward, {@code before=first_id} walking
     * backward.
     *
     * <pre>{@code
     * for (RunPage page = client.list(threadId); ; page = client.nextPage(page)) {
     *     page.data().forEach(run -> ...);
     *     if (!page.hasNextPage()) break;
     * }
     * }</pre>
     *
     * @param page a page this or another client fetched
     * @return the next page
     * @throws NoSuchElementException when {@code page} has no next page ({@link RunPage#hasNextPage()} is false)
     * @throws dev.runlist.errors.PaginationException when the next page would be {@code page} itself again
     *     (its cursor is the one {@code page} was fetched with)
     * @throws dev.runlist.errors.RunlistException when the call fails
     */
    public RunPage nextPage(RunPage page) {
        return list(page.threadId(), nextPageParams(page));
    }

    /**
     * {@link #nextPage(RunPage)} without blocking the caller; the future fails where that method
     * throws. Cancelling the future aborts the exchange in flight.
     *
     * @param page a page this or another client fetched
     * @return the next page, when it arrives
     * @throws NoSuchElementException when {@code page} has no next page (thrown, not in the future)
     * @throws dev.runlist.errors.PaginationException when the next page would be {@code page} itself again
     */
    public CompletableFuture<RunPage> nextPageAsync(RunPage page) {
        return listAsync(page.threadId(), nextPageParams(page));
    }

    private static ListRunsParams nextPageParams(RunPage page) {
        ListRunsParams next = page.nextPageParams().orElseThrow(() -> new NoSuchElementException(
                "the page has no next page (has_more=" + page.hasMore() + "); check RunPage.hasNextPage() first"));
        if (next.equals(page.params())) {
            throw new PaginationException("the page fetched with " + page.params()
                    + " leads to the same cursor again; stopping instead of fetching the same page");
        }
        return next;
    }

    /**
     * The first page of runs of {@code threadId} with the API's defaults, without blocking the caller.
     *
     * @param threadId the thread whose runs to list
     * @return the page, when it arrives; cancelling the future aborts the exchange in flight
     * @throws IllegalArgumentException when {@code threadId} is blank
     */
    public CompletableFuture<RunPage> listAsync(String threadId) {
        return listAsync(threadId, ListRunsParams.none());
    }

    /**
     * One page, without blocking the caller. Cancelling the future aborts the exchange in flight.
     * The future fails with a {@link dev.runlist.errors.RunlistException} where {@link #list} would
     * throw one.
     *
     * @param threadId the thread whose runs to list, such as {@code thread_abc}
     * @param params the listing parameters
     * @return the page, when it has arrived
     */
    public CompletableFuture<RunPage> listAsync(String threadId, ListRunsParams params) {
        ListRequestFactory.requireThreadId(threadId);
        Objects.requireNonNull(params, "params");
        return executor.executeAsync(remaining -> requests.request(threadId, params, remaining),
                pageReader(threadId, params), timeoutOf(params));
    }

    /**
     * {@return every run of {@code threadId}, newest first, fetched lazily page by page}
     *
     * @param threadId the thread whose runs to list, such as {@code thread_abc}
     */
    public RunListing listAll(String threadId) {
        return listAll(threadId, ListRunsParams.none());
    }

    /**
     * Every run of {@code threadId} from where {@code params} start, fetched lazily page by page (see
     * {@link RunPager}). Headers and timeout in {@code params} apply to every page. Every page is
     * checked before its runs are delivered; a page that breaks the paging rules ends the listing with a
     * {@link dev.runlist.errors.PaginationException}.
     *
     * <p>A listing that failed stays failed: once an iterator's {@code hasNext()} or {@code next()} (or
     * the stream's advance) has thrown, every later call throws the same exception, whose {@link
     * dev.runlist.errors.RunlistException#resumeParams()} continue right after the last run delivered.
     *
     * @param threadId the thread whose runs to list
     * @param params where to start, the page size, order, headers and timeout of every page
     * @return the listing; nothing is fetched until it is iterated
     * @throws IllegalArgumentException when {@code threadId} is blank
     */
    public RunListing listAll(String threadId, ListRunsParams params) {
        ListRequestFactory.requireThreadId(threadId);
        Objects.requireNonNull(params, "params");
        return new RunListing(p -> list(threadId, p), params, settings.authenticator()::redact,
                () -> settings.events().listing(threadId));
    }

    /**
     * {@return {@code listAll(threadId, params).stream()}: a lazy, sequential stream of runs}
     *
     * @param threadId the thread whose runs to list, such as {@code thread_abc}
     * @param params the listing parameters
     */
    public Stream<Run> stream(String threadId, ListRunsParams params) {
        return listAll(threadId, params).stream();
    }

    /**
     * {@return {@code listAll(threadId).stream()}}
     *
     * @param threadId the thread whose runs to list, such as {@code thread_abc}
     */
    public Stream<Run> stream(String threadId) {
        return listAll(threadId).stream();
    }

    /**
     * Every run of {@code threadId}, newest first, published without blocking and fetched only as the
     * subscriber asks for more; the same as {@code listAllAsync(threadId, ListRunsParams.none())}.
     *
     * @param threadId the thread whose runs to list
     * @return a publisher; each subscription is a fresh listing
     * @throws IllegalArgumentException when {@code threadId} is blank
     */
    public Flow.Publisher<Run> listAllAsync(String threadId) {
        return listAllAsync(threadId, ListRunsParams.none());
    }

    /**
     * Every run of {@code threadId} from where {@code params} start, published without blocking and
     * fetched only as the subscriber asks for more. Each subscription is a fresh listing, with the page
     * checks of {@link #listAll(String, ListRunsParams)}; cancelling it aborts the fetch in flight. Every
     * subscription ends with exactly one {@code onComplete} or {@code onError} (none after a cancel);
     * {@code request(n)} never throws: a bad {@code n} or a closed client arrive as {@code onError}.
     *
     * @param threadId the thread whose runs to list
     * @param params where to start, the page size, order, headers and timeout of every page
     * @return a publisher; each subscription is a fresh listing
     * @throws IllegalArgumentException when {@code threadId} is blank
     */
    public Flow.Publisher<Run> listAllAsync(String threadId, ListRunsParams params) {
        ListRequestFactory.requireThreadId(threadId);
        Objects.requireNonNull(params, "params");
        return new RunPublisher(p -> listAsync(threadId, p), params, settings.authenticator()::redact,
                () -> settings.events().listing(threadId));
    }

    /**
     * Ends every call still running and releases what the client owns; returns without waiting for
     * the server. Each running call (blocking, async, waiting to retry or reading a body) ends at once
     * with a {@link dev.runlist.errors.ClientClosedException}, its connection closed; so do calls made
     * afterwards (a future failed with it, a subscription's {@code onError}). Then the client's threads
     * stop and a transport the client discovered is closed (one given to the builder is left open).
     * Idempotent.
     */
    @Override
    public void close() {
        calls.close();
        if (ownedAsyncExecutor != null) {
            ownedAsyncExecutor.shutdownNow();
        }
        if (settings.ownsTransport()) {
            settings.transport().close();
        }
    }

    /** The configuration, with the API key redacted. */
    @Override
    public String toString() {
        return "RunsClient[" + settings + "]";
    }

    /**
     * Reads a page of at most {@code limit} runs (the API's default of 20 when not set), redacting decode
     * errors, and reports it to the listeners.
     */
    private BodyReader<RunPage> pageReader(String threadId, ListRunsParams params) {
        RunsJson json = settings.json();
        int maxRuns = params.limit().orElse(ListRunsParams.DEFAULT_LIMIT);
        return (body, headers) -> {
            try {
                long start = System.nanoTime();
                RunPage page = RunPage.of(threadId, json.readPage(body, maxRuns), params, ErrorMapper.requestId(headers));
                settings.events().pageDelivered(threadId, page.data().size(), page.hasMore(), System.nanoTime() - start,
                        page.requestId().orElse(null));
                return page;
            } catch (DecodeException e) {
                throw Redaction.redacted(e, settings.authenticator()::redact);
            }
        };
    }

    private Duration timeoutOf(ListRunsParams params) {
        return params.timeout().orElse(settings.timeout());
    }

    /**
     * Builds a {@link RunsClient}. Not thread-safe. Only the API key is required; see each method for
     * its default.
     */
    public static final class Builder {
        private @Nullable String apiKey;
        private @Nullable TokenSupplier tokenSupplier;
        private @Nullable String baseUrl;
        private @Nullable String azureEndpoint;
        private @Nullable String apiVersion;
        private @Nullable String organization;
        private @Nullable String project;
        private final Headers.Builder headers = Headers.builder();
        private @Nullable Transport transport;
        private TransportConfig transportConfig = TransportConfig.defaults();
        private int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;
        private Duration initialBackoff = RetryPolicy.DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = RetryPolicy.DEFAULT_MAX_BACKOFF;
        private Duration timeout = DEFAULT_TIMEOUT;
        private @Nullable Executor asyncExecutor;
        private @Nullable String transportName;
        private final List<RunsListener> listeners = new ArrayList<>();

        private Builder() {}

        /**
         * Reads the settings {@link RunsClient#fromEnv()} documents from the process environment.
         *
         * @return this builder
         */
        public Builder fromEnv() {
            return fromEnv(System.getenv());
        }

        /**
         * Reads the settings {@link RunsClient#fromEnv()} documents from {@code env}; variables that
         * are absent or blank leave the builder as it was.
         *
         * @param env the environment variables to read
         * @return this builder
         */
        public Builder fromEnv(Map<String, String> env) {
            Function<String, @Nullable String> get = name -> {
                String v = env.get(name);
                return v == null || v.isBlank() ? null : v.trim();
            };
            if (get.apply("AZURE_OPENAI_ENDPOINT") != null) {
                azureEndpoint(get.apply("AZURE_OPENAI_ENDPOINT"));
                String key = get.apply("AZURE_OPENAI_API_KEY");
                if (key != null || get.apply("OPENAI_API_KEY") != null) {
                    apiKey(key != null ? key : get.apply("OPENAI_API_KEY"));
                }
                if (get.apply("OPENAI_API_VERSION") != null) {
                    apiVersion(get.apply("OPENAI_API_VERSION"));
                }
            } else {
                if (get.apply("OPENAI_API_KEY") != null) {
                    apiKey(get.apply("OPENAI_API_KEY"));
                }
                if (get.apply("OPENAI_BASE_URL") != null) {
                    baseUrl(get.apply("OPENAI_BASE_URL"));
                }
            }
            if (get.apply("OPENAI_ORG_ID") != null) {
                organization(get.apply("OPENAI_ORG_ID"));
            }
            if (get.apply("OPENAI_PROJECT_ID") != null) {
                project(get.apply("OPENAI_PROJECT_ID"));
            }
            return this;
        }

        /**
         * Authenticates with the secret API key {@code apiKey}: {@code Authorization: Bearer KEY},
         * or Azure's {@code api-key: KEY} header with {@link #azureEndpoint}. Replaces a
         * {@link #bearerToken} set before; null removes the key. Never logged or printed.
         *
         * @param apiKey the secret key, or null
         * @return this builder
         */
        public Builder apiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
            if (apiKey != null) {
                this.tokenSupplier = null;
            }
            return this;
        }

        /**
         * Authenticates with short-lived tokens from {@code supplier}, sent as
         * {@code Authorization: Bearer TOKEN}: Microsoft Entra ID tokens for Azure OpenAI (scope
         * {@code https://cognitiveservices.azure.com/.default}), or OAuth2 access tokens for an
         * OpenAI-compatible server. The client asks for a token before the first attempt, keeps it
         * until two minutes before its expiry, and when the server answers 401 asks once for a new one
         * and tries the request once more before throwing the
         * {@link dev.runlist.errors.AuthenticationException}. Concurrent calls share one fetch. A
         * supplier that fails ends the call with a {@link dev.runlist.errors.CredentialException}.
         * Replaces an {@link #apiKey} set before; tokens are never logged or printed.
         *
         * @param supplier where tokens come from, or null to remove it
         * @return this builder
         */
        public Builder bearerToken(@Nullable TokenSupplier supplier) {
            this.tokenSupplier = supplier;
            if (supplier != null) {
                this.apiKey = null;
            }
            return this;
        }

        /**
         * Sets the API base URL of OpenAI or an OpenAI-compatible server; default
         * {@value RunsClient#DEFAULT_BASE_URL}. Ignored when {@link #azureEndpoint} is set.
         *
         * @param baseUrl the base URL, such as {@code http://localhost:8080/v1}, or null for the default
         * @return this builder
         */
        public Builder baseUrl(@Nullable String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Targets Azure OpenAI (Microsoft Foundry) at {@code endpoint}, such as
         * {@code https://my-resource.openai.azure.com}; a trailing {@code /openai} or
         * {@code /openai/v1} is accepted and ignored. Requests go to Azure's v1 API,
         * {@code {endpoint}/openai/v1/threads/{thread_id}/runs}, with no {@code api-version} unless
         * {@link #apiVersion} sets one. An {@link #apiKey} is sent in the {@code api-key} header, a
         * {@link #bearerToken} (Entra ID) as {@code Authorization: Bearer}. Replaces {@link #baseUrl}.
         *
         * @param endpoint the resource endpoint, or null to target {@link #baseUrl} again
         * @return this builder
         */
        public Builder azureEndpoint(@Nullable String endpoint) {
            this.azureEndpoint = endpoint;
            return this;
        }

        /**
         * Sets the {@code api-version} query parameter sent with every request; default none. With
         * {@link #azureEndpoint}, {@code "v1"} or {@code "preview"} keeps the v1 path
         * ({@code {endpoint}/openai/v1/threads/...?api-version=preview}) and any other value, a dated
         * version such as {@code "2024-05-01-preview"}, selects Azure's legacy path
         * ({@code {endpoint}/openai/threads/...?api-version=2024-05-01-preview}), which Azure retires
         * over time. Without an Azure endpoint it is added to the {@link #baseUrl} requests as given.
         *
         * @param apiVersion the version, or null (or blank) for none
         * @return this builder
         */
        public Builder apiVersion(@Nullable String apiVersion) {
            this.apiVersion = apiVersion == null || apiVersion.isBlank() ? null : apiVersion.trim();
            return this;
        }

        /**
         * Sets the {@code OpenAI-Organization} header; null sends none (the default).
         *
         * @param organization the organization id, or {@code null}
         * @return this builder
         */
        public Builder organization(@Nullable String organization) {
            this.organization = organization;
            return this;
        }

        /**
         * Sets the {@code OpenAI-Project} header; null sends none (the default).
         *
         * @param project the project id, or {@code null}
         * @return this builder
         */
        public Builder project(@Nullable String project) {
            this.project = project;
            return this;
        }

        /**
         * Adds a header sent with every request; it replaces a runlist header of the same name.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException when the name is invalid or the value holds CR, LF or NUL
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Uses {@code transport} for every request; the client does not close it. Replaces a name given
         * to {@link #transport(String)}. By default a transport is discovered: the provider named by
         * {@link #transport(String)}, else by the system property {@code runlist.transport}, else the
         * one with the highest priority; the client closes a discovered transport.
         *
         * @param transport the transport; null goes back to discovery
         * @return this builder
         */
        public Builder transport(@Nullable Transport transport) {
            this.transport = transport;
            this.transportName = null;
            return this;
        }

        /**
         * Uses the discovered transport provider named {@code name}, such as {@code "jdk"} or
         * {@code "apache"} (case-insensitive), whatever its priority and whatever the system property
         * {@code runlist.transport} says. Replaces a transport given to {@link #transport(Transport)}.
         * The client creates the transport with {@link #transportConfig} and closes it.
         *
         * @param name the provider's {@link dev.runlist.spi.TransportProvider#name()}
         * @return this builder
         * @throws IllegalArgumentException when {@code name} is blank; an unknown name fails in
         *     {@link #build()} with a {@link dev.runlist.errors.TransportDiscoveryException} listing the
         *     providers found
         */
        public Builder transport(@Nullable String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("transport name must not be blank, was " + (name == null ? "null" : "'" + name + "'"));
            }
            this.transportName = name.trim();
            this.transport = null;
            return this;
        }

        /**
         * Configures the discovered transport; ignored when {@link #transport(Transport)} is set.
         *
         * @param config the configuration to apply
         * @return this builder
         */
        public Builder transportConfig(TransportConfig config) {
            this.transportConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Sets how many times a failed attempt is retried; default 2, 0 disables retries.
         *
         * @param maxRetries retries after the first attempt, 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the back-off before the first retry and its cap; defaults 500 ms and 8 s. The wait
         * doubles each retry, less up to 25% jitter, unless the server says how long to wait.
         *
         * @param initial the wait before the first retry
         * @param max the longest wait between two attempts
         * @return this builder
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("retryBackoff needs 0 <= initial <= max, was " + initial + ", " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Sets the overall timeout of one call, all attempts and waits included; default 60 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets where asynchronous calls make their attempts and decode responses. By default they run
         * on the client's own pool of daemon threads, shut down by {@link RunsClient#close()}; null goes
         * back to that. Deadlines and retry waits run on a timer thread of the client's.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder asyncExecutor(@Nullable Executor executor) {
            this.asyncExecutor = executor;
            return this;
        }

        /**
         * Adds a listener told of every attempt, retry, page and listing end of the client (see
         * {@link RunsListener}); several may be added and are called in the order added. None by default.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(RunsListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the client, discovering a transport if none was given.
         *
         * @return a new client, to close when done
         * @throws IllegalStateException when neither an API key nor a token supplier is set
         * @throws IllegalArgumentException when a URL is not an absolute http(s) URL with a host, or has
         *     a query, a fragment or user-info (the message names which)
         * @throws dev.runlist.errors.TransportDiscoveryException when no transport can be found
         */
        public RunsClient build() {
            if (tokenSupplier == null && (apiKey == null || apiKey.isBlank())) {
                throw new IllegalStateException("No OpenAI API key: set OPENAI_API_KEY (or AZURE_OPENAI_API_KEY "
                        + "with AZURE_OPENAI_ENDPOINT) or call RunsClient.builder().apiKey(...) or .bearerToken(...)");
            }
            if (apiKey != null && apiKey.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("the API key contains a CR, LF or NUL character; refused");
            }
            String endpoint = azureEndpoint;
            boolean azure = endpoint != null;
            URI base = endpoint != null ? azureBase(httpUrl(endpoint, "azureEndpoint"), apiVersion)
                    : httpUrl(baseUrl == null ? DEFAULT_BASE_URL : baseUrl, "baseUrl");
            Authenticator authenticator = tokenSupplier != null
                    ? Authenticator.bearerTokens(tokenSupplier, Clock.systemUTC())
                    : Authenticator.apiKey(Objects.requireNonNull(apiKey), azure);
            Transport chosen = transport != null ? transport
                    : TransportLoader.standard().create(transportConfig, transportName);
            ExecutorService owned = asyncExecutor == null ? Executors.newCachedThreadPool(daemonThreads()) : null;
            Executor async = owned != null ? owned : Objects.requireNonNull(asyncExecutor);
            ClientSettings settings = new ClientSettings(
                    base,
                    authenticator,
                    azure,
                    apiVersion,
                    organization,
                    project,
                    headers.build(),
                    new RetryPolicy(maxRetries, initialBackoff, maxBackoff, Clock.systemUTC()),
                    timeout,
                    chosen,
                    transport == null,
                    RunsJson.standard(),
                    async,
                    Clock.systemUTC(),
                    new ListenerEvents(listeners, authenticator::redact));
            return new RunsClient(settings, new LiveCalls(), owned);
        }

        /**
         * {@code url} as the base of every request: an absolute http(s) URL with a host and nothing a
         * path can't be appended to (query, fragment) or that would carry a credential (user-info).
         * Messages never quote a user-info part.
         */
        private static URI httpUrl(String url, String name) {
            URI uri;
            try {
                uri = new URI(stripSlash(url.trim()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(name + " is not a valid URL (" + e.getReason() + " at index "
                        + e.getIndex() + ")", e);
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(name + " must not carry user-info (user:password@); pass the key"
                        + " with apiKey(...) or a header with header(...); was " + withoutUserInfo(uri));
            }
            String scheme = uri.getScheme();
            if (scheme == null || !"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException(name + " must use the http or https scheme, not "
                        + (scheme == null ? "none (a relative URL)" : "'" + scheme + "'") + "; was " + url);
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an absolute http or https URL with a host, was " + url);
            }
            if (uri.getRawQuery() != null) {
                throw new IllegalArgumentException(name + " must not have a query ('?" + uri.getRawQuery()
                        + "'): request paths are appended to it; was " + url);
            }
            if (uri.getRawFragment() != null) {
                throw new IllegalArgumentException(name + " must not have a fragment ('#" + uri.getRawFragment()
                        + "'); was " + url);
            }
            return uri;
        }

        /**
         * Azure's v1 base, {@code {endpoint}/openai/v1}, or the legacy {@code {endpoint}/openai} for a
         * dated {@code api-version}.
         */
        private static URI azureBase(URI endpoint, @Nullable String apiVersion) {
            String root = endpoint.toString();
            for (String suffix : new String[] {"/openai/v1", "/openai"}) {
                if (root.endsWith(suffix)) {
                    root = root.substring(0, root.length() - suffix.length());
                    break;
                }
            }
            boolean v1 = apiVersion == null || apiVersion.equals("v1") || apiVersion.equals("preview");
            return URI.create(root + (v1 ? "/openai/v1" : "/openai"));
        }

        private static String withoutUserInfo(URI uri) {
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        }

        private static String stripSlash(String url) {
            String u = url;
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            return u;
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, "runlist-async-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
