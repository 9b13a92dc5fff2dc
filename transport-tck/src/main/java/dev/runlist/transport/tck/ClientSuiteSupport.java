package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.runlist.ListRunsParams;
import dev.runlist.RunsClient;
import dev.runlist.errors.DecodeException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.FakeRunsApi;
import dev.runlist.testing.Fault;
import dev.runlist.testing.RunFixtures;
import dev.runlist.testing.internal.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What the client suites share: a fresh {@link FakeRunsApi} on loopback HTTP per test, the transport
 * under test and clients on it (closed after the test, last made first), and the helpers the tests use.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class ClientSuiteSupport {

    static final String THREAD = "thread_reliability";

    static final RunsJson JSON = RunsJson.standard();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    final List<AutoCloseable> resources = new ArrayList<>();

    final CountDownLatch testDone = new CountDownLatch(1);

    FakeRunsApi fake;

    String baseUrl;

    Transport lastTransport;

    /**
     * Creates the transport under test, configured by {@code config}. Called once or more per test;
     * the suite closes what it gets.
     *
     * @param config the configuration to apply
     * @return a new transport
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

    /**
     * {@return a transport made by {@link #createTransport} that the suite closes after the test}
     *
     * @param config the configuration to apply
     */
    protected final Transport transport(TransportConfig config) {
        lastTransport = closeLater(createTransport(config));
        return lastTransport;
    }

    static final List<String> LISTING_FORMS = List.of("Iterable", "Stream", "pages()", "Publisher");

    /** What a listing delivered and the exception that ended it (null when it completed). */
    record Listed(List<Run> runs, Throwable failure) {}

    /** Lists the thread in {@code form}, collecting the runs delivered until it ends. */
    static Listed list(RunsClient client, ListRunsParams params, String form) throws Exception {
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
    static void listConcurrently(RunsClient client, List<List<String>> expected, AtomicInteger listed)
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
    static TransportConfig config() {
        return TransportConfig.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(20)).build();
    }

    RunsClient client(int maxRetries) {
        return client(baseUrl, FakeRunsApi.DEFAULT_API_KEY, maxRetries, transport(config()));
    }

    RunsClient client(String url, String key, int maxRetries, Transport t) {
        return closeLater(RunsClient.builder()
                .apiKey(key)
                .baseUrl(url)
                .transport(t)
                .maxRetries(maxRetries)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .timeout(Duration.ofSeconds(40))
                .build());
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Lists the thread once with {@code fault} answering; expects a DecodeException naming the path and problem. */
    void checkDecodeFailure(Fault fault, String path, String problem) {
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
    static byte[] pageBody(int count, boolean hasMore) {
        List<Run> runs = apiOrder(RunFixtures.create(1, CLOCK).runs(THREAD, count));
        return JSON.writePage(new RunListResponse(runs, runs.get(0).id(), runs.get(runs.size() - 1).id(), hasMore), true);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(plain);
        }
        return zipped.toByteArray();
    }

    /** Runs oldest first, as {@link FakeRunsApi#runs} gives them, in the API's default order (newest first). */
    static List<Run> apiOrder(List<Run> oldestFirst) {
        List<Run> out = new ArrayList<>(oldestFirst);
        Collections.reverse(out);
        return out;
    }

    static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::id).collect(Collectors.toList());
    }

    /**
     * For each request number, the fault kind to inject (or -1): each request fails with probability
     * {@code rate}, never more than {@code maxRun} in a row, so that 8 retries always suffice.
     */
    static int[] faultPlan(Random random, int length, double rate, int maxRun, int kinds) {
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

    static String transportName(Transport t) {
        return t.getClass().getSimpleName().replace("Transport", "").toLowerCase(java.util.Locale.ROOT);
    }

    static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread th = new Thread(r, prefix + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        };
    }

    /** A loopback server whose every answer is a 200 chunked body: {@code prefix}, then {@code filler} forever. */
    EndlessBody endlessBody(String prefix, byte[] filler) {
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
    static final class EndlessBody {
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
    static final class HeapSampler implements AutoCloseable {
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
}
