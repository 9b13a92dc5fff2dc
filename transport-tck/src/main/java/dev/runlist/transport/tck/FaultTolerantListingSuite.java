package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.runlist.ListRunsParams;
import dev.runlist.RunPager;
import dev.runlist.RunsClient;
import dev.runlist.RunsListener;
import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.PaginationException;
import dev.runlist.errors.RateLimitException;
import dev.runlist.errors.RunlistException;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.FakeRunsApi;
import dev.runlist.testing.Fault;
import dev.runlist.testing.RunFixtures;
import dev.runlist.testing.internal.LoopbackServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Listings through trouble over the transport under test: through injected faults every run arrives
 * exactly once and in order, a listing resumes after its retries ran out, hostile pages (lying
 * cursors, oversized or looping pages) are refused before their runs are delivered in every listing
 * form, a failed listing stays failed, and a server's {@code Retry-After} is a minimum.
 *
 * <p>A transport subscribes by extending this class and implementing {@link #createTransport}; a
 * test it cannot pass may be overridden in the subclass with a comment saying why. Each test gets a
 * fresh fake; transports made through {@link #transport(TransportConfig)} are closed after it. Each
 * test takes at most 60 seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class FaultTolerantListingSuite extends ClientSuiteSupport {

    /** For subclasses, which JUnit instantiates once per test. */
    protected FaultTolerantListingSuite() {}

    // ---- fault-injected listing ------------------------------------------------------------------

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

    // ---- hostile pages ---------------------------------------------------------------------------

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
            assertThat(listed.failure()).as(form).isInstanceOf(PaginationException.class)
                    .hasMessageContaining("last_id is '' but the last run is '" + second.get(9).id() + "'");
            assertThat(((RunlistException) listed.failure()).resumeParams()).as(form).contains(params.withAfter(cursor));
            assertThat(ids(listed.runs())).as(form).containsExactlyElementsOf(ids(runs.subList(0, 10)));
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
            assertThat(listed.failure()).as(form).isInstanceOf(PaginationException.class);
            assertThat(listed.runs()).as(form).isEqualTo(runs);
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

    // ---- Retry-After ---------------------------------------------------------------------------------

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

    /**
     * retry-after-ms: 0 on every answer: each retry waits the normal back-off (100 ms, less up to 25%
     * jitter), never an immediate retry. Only lower bounds on time, so a busy machine cannot fail it.
     */
    @Test
    void zeroServerDelayMeansTheNormalBackoffNotAnImmediateRetry() {
        fake.seedThread(THREAD, 3, 26);
        fake.failWhen(r -> true, Fault.status(429).header("retry-after-ms", "0"), Integer.MAX_VALUE);
        List<RunsListener.RetryScheduled> retries = new CopyOnWriteArrayList<>();
        RunsClient client = closeLater(RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).baseUrl(baseUrl)
                .transport(transport(config())).maxRetries(3).retryBackoff(Duration.ofMillis(100), Duration.ofMillis(100))
                .listener(new RunsListener() {
                    @Override
                    public void retryScheduled(RunsListener.RetryScheduled event) {
                        retries.add(event);
                    }
                })
                .build());
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> client.list(THREAD));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(thrown).isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.attempts()).isEqualTo(4));
        assertThat(fake.requestCount()).as("requests: the first and 3 retries").isEqualTo(4);
        assertThat(retries).hasSize(3).allSatisfy(r -> {
            assertThat(r.delaySource()).isEqualTo(RunsListener.DelaySource.BACKOFF);
            assertThat(r.delay()).isGreaterThanOrEqualTo(Duration.ofMillis(75));
        });
        assertThat(took).as("time of 4 attempts with 3 back-offs between them").isGreaterThanOrEqualTo(Duration.ofMillis(3 * 75));
        System.out.println("zero retry delay [" + transportName(lastTransport) + "]: 4 attempts in " + took.toMillis()
                + " ms, back-offs " + retries.stream().map(r -> r.delay().toMillis() + " ms").collect(Collectors.toList()));
    }
}
