package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.RunsListener.AttemptEnded;
import dev.runlist.RunsListener.AttemptStarted;
import dev.runlist.RunsListener.DelaySource;
import dev.runlist.RunsListener.Ending;
import dev.runlist.RunsListener.ListingEnded;
import dev.runlist.RunsListener.PageDelivered;
import dev.runlist.RunsListener.RetryReason;
import dev.runlist.RunsListener.RetryScheduled;
import dev.runlist.errors.NotFoundException;
import dev.runlist.errors.RunlistException;
import dev.runlist.errors.RunlistTimeoutException;
import dev.runlist.model.Run;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The events a {@link RunsListener} sees, in order, for every kind of call and ending, against a scripted transport. */
class RunsListenerTest {

    private static final String KEY = "sk-proj-LISTENER-4b1e9d7c2a";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RecordingListener events = new RecordingListener();

    private RunsClient client() {
        return RunsClient.builder().apiKey(KEY).baseUrl("http://api.test/v1").transport(transport).listener(events)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();
    }

    @Test
    void aPageIsOneAttemptWithItsPageStatusRequestIdAndBodySize() {
        String body = Pages.page(false, "run_1", "run_2");
        transport.respond(200, body, "x-request-id", "req_1");

        client().list("thread_a", ListRunsParams.builder().limit(2).build());

        assertThat(events.kinds()).containsExactly("AttemptStarted", "PageDelivered", "AttemptEnded");
        AttemptStarted started = events.get(AttemptStarted.class, 0);
        assertThat(started.method()).isEqualTo("GET");
        assertThat(started.url()).isEqualTo("http://api.test/v1/threads/thread_a/runs?limit=2");
        assertThat(started.attempt()).isEqualTo(1);
        PageDelivered page = events.get(PageDelivered.class, 0);
        assertThat(page.threadId()).isEqualTo("thread_a");
        assertThat(page.runs()).isEqualTo(2);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.requestId()).contains("req_1");
        assertThat(page.decodeTime()).isPositive();
        AttemptEnded ended = events.get(AttemptEnded.class, 0);
        assertThat(ended.status()).isEqualTo(OptionalInt.of(200));
        assertThat(ended.failure()).isEmpty();
        assertThat(ended.succeeded()).isTrue();
        assertThat(ended.requestId()).contains("req_1");
        assertThat(ended.bodyBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(ended.duration()).isPositive();
    }

    @Test
    void aServerDelayIsReportedAsTheServersChoice() {
        transport.respond(429, Pages.error("slow down", "requests", null, "rate_limit_exceeded"), "retry-after-ms", "20")
                .respond(200, Pages.page(false, "run_1"));

        client().list("t");

        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded", "RetryScheduled",
                "AttemptStarted", "PageDelivered", "AttemptEnded");
        assertThat(events.get(AttemptEnded.class, 0).status()).isEqualTo(OptionalInt.of(429));
        assertThat(events.get(AttemptEnded.class, 0).succeeded()).isFalse();
        assertThat(events.get(RetryScheduled.class, 0)).isEqualTo(new RetryScheduled(1, RetryReason.RATE_LIMITED,
                OptionalInt.of(429), Duration.ofMillis(20), DelaySource.SERVER));
        assertThat(events.get(AttemptStarted.class, 1).attempt()).isEqualTo(2);
    }

    @Test
    void withoutAServerDelayTheBackoffChoosesForStatusesAndConnectionFailures() {
        transport.respond(503, "busy").fail(new SocketException("Connection reset")).respond(200, Pages.page(false, "run_1"));

        client().list("t");

        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded", "RetryScheduled",
                "AttemptStarted", "AttemptEnded", "RetryScheduled", "AttemptStarted", "PageDelivered", "AttemptEnded");
        RetryScheduled first = events.get(RetryScheduled.class, 0);
        assertThat(first.reason()).isEqualTo(RetryReason.SERVER_ERROR);
        assertThat(first.status()).isEqualTo(OptionalInt.of(503));
        assertThat(first.delaySource()).isEqualTo(DelaySource.BACKOFF);
        assertThat(first.delay()).isBetween(Duration.ofNanos(750_000), Duration.ofMillis(1));
        AttemptEnded reset = events.get(AttemptEnded.class, 1);
        assertThat(reset.status()).isEmpty();
        assertThat(reset.failure()).hasValueSatisfying(f -> assertThat(f).contains("SocketException", "Connection reset"));
        assertThat(reset.bodyBytes()).isZero();
        RetryScheduled second = events.get(RetryScheduled.class, 1);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.reason()).isEqualTo(RetryReason.CONNECTION_FAILED);
        assertThat(second.status()).isEmpty();
        assertThat(second.delaySource()).isEqualTo(DelaySource.BACKOFF);
    }

    @Test
    void aRevokedTokenIsRetriedAtOnceWithAFreshOne() {
        transport.respond(401, Pages.error("Invalid token", "invalid_request_error", null, "invalid_api_key"))
                .respond(200, Pages.page(false, "run_1"));
        java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
        RunsClient client = RunsClient.builder().transport(transport).listener(events).maxRetries(0)
                .bearerToken(() -> dev.runlist.auth.BearerToken.of("tok-" + fetched.incrementAndGet(),
                        java.time.Instant.now().plus(Duration.ofHours(1))))
                .build();

        client.list("t");

        assertThat(events.get(RetryScheduled.class, 0)).isEqualTo(new RetryScheduled(1, RetryReason.CREDENTIAL_REJECTED,
                OptionalInt.of(401), Duration.ZERO, DelaySource.IMMEDIATE));
        assertThat(events.all.toString()).doesNotContain("tok-1").doesNotContain("tok-2");
    }

    @Test
    void aFailedListingEndsFailedAfterItsAttempt() {
        transport.respond(200, Pages.page(true, "run_1"))
                .respond(404, Pages.error("No thread found with id 't'.", "invalid_request_error", null, null));

        RunPager pager = client().listAll("t", ListRunsParams.builder().limit(1).build()).iterator();
        assertThat(pager.next().id()).isEqualTo("run_1");
        assertThatThrownBy(pager::hasNext).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(pager::hasNext).isInstanceOf(NotFoundException.class);

        assertThat(events.kinds()).containsExactly("AttemptStarted", "PageDelivered", "AttemptEnded",
                "AttemptStarted", "AttemptEnded", "ListingEnded");
        assertThat(events.get(AttemptEnded.class, 1).status()).isEqualTo(OptionalInt.of(404));
        ListingEnded end = events.get(ListingEnded.class, 0);
        assertThat(end.threadId()).isEqualTo("t");
        assertThat(end.runs()).isEqualTo(1);
        assertThat(end.pages()).isEqualTo(1);
        assertThat(end.ending()).isEqualTo(Ending.FAILED);
        assertThat(end.failure()).hasValueSatisfying(f -> assertThat(f).contains("NotFoundException", "No thread found"));
    }

    @Test
    void aCompleteListingReportsEveryPageThenItsEndOnce() {
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(200, Pages.page(false, "run_3"));

        RunListing listing = client().listAll("t", ListRunsParams.builder().limit(2).build());
        RunPager pager = listing.iterator();
        pager.forEachRemaining(run -> { });
        assertThat(pager.hasNext()).isFalse();

        assertThat(events.kinds()).containsExactly("AttemptStarted", "PageDelivered", "AttemptEnded",
                "AttemptStarted", "PageDelivered", "AttemptEnded", "ListingEnded");
        assertThat(events.get(PageDelivered.class, 0).hasMore()).isTrue();
        assertThat(events.get(ListingEnded.class, 0)).isEqualTo(new ListingEnded("t", 3, 2, Ending.COMPLETED,
                java.util.Optional.empty()));
    }

    @Test
    void aStreamClosedBeforeItsEndIsACancelledListing() {
        transport.respond(200, Pages.page(true, "run_1", "run_2"));

        try (Stream<Run> runs = client().stream("t", ListRunsParams.builder().limit(2).build())) {
            assertThat(runs.limit(1).count()).isEqualTo(1);
        }

        assertThat(events.get(ListingEnded.class, 0).ending()).isEqualTo(Ending.CANCELLED);
        assertThat(events.get(ListingEnded.class, 0).runs()).isEqualTo(1);
        assertThat(events.kinds()).endsWith("ListingEnded").containsOnlyOnce("ListingEnded");
    }

    @Test
    void aListingThatRunsOutOfTimeEndsTimedOut() {
        transport.respond(503, "busy");
        RunsClient client = RunsClient.builder().apiKey(KEY).transport(transport).listener(events)
                .timeout(Duration.ofSeconds(1)).retryBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build();

        assertThatThrownBy(() -> client.listAll("t").iterator().hasNext()).isInstanceOf(RunlistTimeoutException.class);

        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded", "ListingEnded");
        assertThat(events.get(ListingEnded.class, 0).ending()).isEqualTo(Ending.TIMED_OUT);
    }

    @Test
    void anInterruptedListingEndsInterrupted() {
        transport.respond(503, "busy");
        RunPager pager = client().listAll("t").iterator();

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(pager::hasNext).isInstanceOf(RunlistException.class);
        } finally {
            Thread.interrupted();
        }

        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded", "RetryScheduled", "ListingEnded");
        assertThat(events.get(ListingEnded.class, 0).ending()).isEqualTo(Ending.INTERRUPTED);
    }

    @Test
    void aPublisherReportsTheSameEventsAsABlockingListing() throws Exception {
        transport.respond(429, "{}", "retry-after-ms", "5")
                .respond(200, Pages.page(true, "run_1", "run_2")).respond(200, Pages.page(false, "run_3"));
        Subscriber subscriber = new Subscriber(Long.MAX_VALUE);

        client().listAllAsync("t", ListRunsParams.builder().limit(2).build()).subscribe(subscriber);

        assertThat(subscriber.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events.awaitKind("ListingEnded")).isTrue();
        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded", "RetryScheduled",
                "AttemptStarted", "PageDelivered", "AttemptEnded", "AttemptStarted", "PageDelivered", "AttemptEnded",
                "ListingEnded");
        assertThat(events.get(RetryScheduled.class, 0).delaySource()).isEqualTo(DelaySource.SERVER);
        assertThat(events.get(ListingEnded.class, 0)).isEqualTo(new ListingEnded("t", 3, 2, Ending.COMPLETED,
                java.util.Optional.empty()));
    }

    @Test
    void cancellingASubscriptionEndsTheListingCancelledAndTheAttemptInFlight() throws Exception {
        transport.hang();
        Subscriber subscriber = new Subscriber(1);

        client().listAllAsync("t").subscribe(subscriber);
        assertThat(events.awaitKind("AttemptStarted")).isTrue();
        subscriber.subscription.cancel();

        assertThat(events.awaitKind("ListingEnded")).isTrue();
        assertThat(events.awaitKind("AttemptEnded")).isTrue();
        assertThat(events.get(ListingEnded.class, 0).ending()).isEqualTo(Ending.CANCELLED);
        AttemptEnded aborted = events.get(AttemptEnded.class, 0);
        assertThat(aborted.status()).isEmpty();
        assertThat(aborted.failure()).hasValueSatisfying(f -> assertThat(f).contains("CancellationException"));
        assertThat(events.kinds()).doesNotContain("RetryScheduled");
    }

    @Test
    void cancellingListAsyncEndsTheAttempt() throws Exception {
        transport.hang();

        CompletableFuture<RunPage> page = client().listAsync("t");
        assertThat(events.awaitKind("AttemptStarted")).isTrue();
        page.cancel(true);

        assertThat(events.awaitKind("AttemptEnded")).isTrue();
        assertThat(events.get(AttemptEnded.class, 0).failure()).hasValueSatisfying(f -> assertThat(f).contains("Cancellation"));
        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded");
    }

    @Test
    void aClosedClientEndsItsListingClosed() throws Exception {
        RunsClient client = RunsClient.builder().apiKey(KEY).transport(transport).listener(events).build();
        client.close();
        Subscriber subscriber = new Subscriber(1);

        client.listAllAsync("t").subscribe(subscriber);

        assertThat(subscriber.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events.get(ListingEnded.class, 0).ending()).isEqualTo(Ending.CLOSED);
    }

    @Test
    void closingTheClientMidListingEndsTheAttemptAndTheListingClosed() throws Exception {
        transport.respond(200, Pages.page(true, "run_1")).hang();
        RunsClient client = RunsClient.builder().apiKey(KEY).transport(transport).listener(events).build();
        Subscriber subscriber = new Subscriber(Long.MAX_VALUE);

        client.listAllAsync("t", ListRunsParams.builder().limit(1).build()).subscribe(subscriber);
        assertThat(events.awaitCount("AttemptStarted", 2)).isTrue();
        client.close();

        assertThat(subscriber.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events.awaitKind("ListingEnded")).isTrue();
        assertThat(events.get(ListingEnded.class, 0)).satisfies(end -> {
            assertThat(end.ending()).isEqualTo(Ending.CLOSED);
            assertThat(end.runs()).isEqualTo(1);
            assertThat(end.pages()).isEqualTo(1);
        });
        assertThat(events.awaitCount("AttemptEnded", 2)).isTrue();
        assertThat(events.get(AttemptEnded.class, 1).failure()).isPresent();
    }

    @Test
    void aThrowingListenerIsLoggedOnceAndBreaksNothing() throws IOException {
        transport.respond(500, "x").respond(200, Pages.page(true, "run_1")).respond(200, Pages.page(false, "run_2"));
        RunsClient client = RunsClient.builder().apiKey(KEY).transport(transport)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .listener(new AlwaysThrowingListener()).listener(events).build();

        List<String> ids = client.stream("t", ListRunsParams.builder().limit(1).build()).map(Run::id).toList();

        assertThat(ids).containsExactly("run_1", "run_2");
        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded", "RetryScheduled",
                "AttemptStarted", "PageDelivered", "AttemptEnded", "AttemptStarted", "PageDelivered", "AttemptEnded",
                "ListingEnded");
        List<String> warnings = Files.readAllLines(Path.of("target/core-test.log")).stream()
                .filter(line -> line.contains("WARN") && line.contains(AlwaysThrowingListener.class.getName()))
                .toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("AttemptStarted");
    }

    @Test
    void noEventShowsTheKeyEvenWhenTheServerAndTheTransportQuoteIt() throws Exception {
        transport.respond(500, "<html>" + KEY + "</html>", "x-request-id", "req_" + KEY)
                .fail(new SocketException("reset while sending Authorization: Bearer " + KEY))
                .respond(200, Pages.page(false, "run_1"), "x-request-id", KEY.substring(3, 20));
        RunsClient client = RunsClient.builder().apiKey(KEY).transport(transport).listener(events)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();

        client.list("t");
        transport.fail(new SocketException("gone")).fail(new SocketException("gone")).fail(new SocketException("gone: " + KEY));
        assertThatThrownBy(() -> client.listAll("t").iterator().hasNext()).isInstanceOf(RunlistException.class);

        assertThat(events.all).hasSize(18);
        for (Object event : events.all) {
            assertThat(event.toString()).doesNotContain(KEY).doesNotContain(KEY.substring(3, 20));
        }
        assertThat(events.get(AttemptEnded.class, 0).requestId()).contains("req_<redacted>");
        assertThat(events.get(ListingEnded.class, 0).failure()).hasValueSatisfying(f -> assertThat(f).contains("<redacted>"));
    }

    @Test
    void azureApiKeysAndCredentialQueryValuesStayOutOfUrls() {
        transport.respond(200, Pages.page(false, "run_1"));
        RunsClient client = RunsClient.builder().azureEndpoint("https://res.openai.azure.com").apiVersion("preview")
                .apiKey(KEY).transport(transport).listener(events).build();

        client.list("t");

        assertThat(events.get(AttemptStarted.class, 0).url())
                .isEqualTo("https://res.openai.azure.com/openai/v1/threads/t/runs?api-version=preview");
        assertThat(dev.runlist.internal.Redaction.url(java.net.URI.create(
                "https://h/v1/x?limit=2&api-key=" + KEY + "&sas_token=abc&after=run_" + KEY), s -> s.replace(KEY, "<redacted>")))
                .isEqualTo("https://h/v1/x?limit=2&api-key=<redacted>&sas_token=<redacted>&after=run_<redacted>");
    }

    /** Throws from every method. */
    static final class AlwaysThrowingListener implements RunsListener {
        @Override
        public void attemptStarted(AttemptStarted event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void pageDelivered(PageDelivered event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void listingEnded(ListingEnded event) {
            throw new IllegalStateException("listener bug");
        }
    }

    /** A subscriber asking for {@code demand} runs up front. */
    static final class Subscriber implements Flow.Subscriber<Run> {
        final CountDownLatch done = new CountDownLatch(1);
        final long demand;
        volatile Flow.Subscription subscription;

        Subscriber(long demand) {
            this.demand = demand;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(demand);
        }

        @Override
        public void onNext(Run item) {}

        @Override
        public void onError(Throwable throwable) {
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }
    }
}
