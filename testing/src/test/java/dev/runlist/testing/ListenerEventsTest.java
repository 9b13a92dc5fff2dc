package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.ListRunsParams;
import dev.runlist.RunsClient;
import dev.runlist.RunsListener;
import dev.runlist.errors.AuthenticationException;
import dev.runlist.errors.NotFoundException;
import dev.runlist.model.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a {@link RunsListener} sees of real listings against the fake, in memory and over loopback
 * HTTP: the same events in the same order, whichever way the fake is reached.
 */
class ListenerEventsTest {

    /** How the client reaches the fake. */
    enum Reach {
        IN_MEMORY(fake -> RunsClient.builder().baseUrl("http://fake.runlist.invalid/v1").transport(fake.transport())),
        LOOPBACK_HTTP(fake -> RunsClient.builder().baseUrl(fake.baseUrl()).transport(new HttpClientTransport()));

        final Function<FakeRunsApi, RunsClient.Builder> builder;

        Reach(Function<FakeRunsApi, RunsClient.Builder> builder) {
            this.builder = builder;
        }
    }

    private final FakeRunsApi fake = FakeRunsApi.create();
    private final RecordingListener events = new RecordingListener();
    private final List<RunsClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(RunsClient::close);
        fake.close();
    }

    private RunsClient client(Reach reach, String key) {
        RunsClient client = reach.builder.apply(fake).apiKey(key).listener(events)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
        clients.add(client);
        return client;
    }

    private RunsClient client(Reach reach) {
        return client(reach, FakeRunsApi.DEFAULT_API_KEY);
    }

    @ParameterizedTest
    @EnumSource(Reach.class)
    void aListingWithRetriesReportsEveryAttemptRetryPageAndItsEnd(Reach reach) {
        fake.seedThread("thread_abc", 25, 42L);
        fake.failWhen(request -> request.queryParam("after").isPresent(),
                Fault.status(429).header("retry-after-ms", "15"), 1);
        fake.failWhen(request -> request.queryParam("after").isPresent(), Fault.truncatedBody(), 1);

        List<Run> runs = client(reach).listAll("thread_abc", ListRunsParams.builder().limit(20).build())
                .stream().collect(Collectors.toList());

        assertThat(runs).hasSize(25);
        assertThat(events.kinds()).containsExactly(
                "AttemptStarted", "PageDelivered", "AttemptEnded",
                "AttemptStarted", "AttemptEnded", "RetryScheduled",
                "AttemptStarted", "AttemptEnded", "RetryScheduled",
                "AttemptStarted", "PageDelivered", "AttemptEnded",
                "ListingEnded");
        List<RunsListener.AttemptStarted> starts = events.of(RunsListener.AttemptStarted.class);
        assertThat(starts).extracting(RunsListener.AttemptStarted::attempt).containsExactly(1, 1, 2, 3);
        assertThat(starts.get(0).url()).endsWith("/v1/threads/thread_abc/runs?limit=20");
        assertThat(starts.get(1).url()).contains("/v1/threads/thread_abc/runs?limit=20&after=run_");
        List<RunsListener.AttemptEnded> ends = events.of(RunsListener.AttemptEnded.class);
        assertThat(ends).extracting(RunsListener.AttemptEnded::status)
                .containsExactly(OptionalInt.of(200), OptionalInt.of(429), OptionalInt.of(200), OptionalInt.of(200));
        assertThat(ends.get(0).bodyBytes()).isGreaterThan(1000);
        assertThat(ends.get(0).requestId()).isPresent();
        assertThat(ends.get(2).failure()).isPresent();
        assertThat(ends.get(2).succeeded()).isFalse();
        assertThat(ends.get(2).bodyBytes()).isPositive().isLessThan(ends.get(3).bodyBytes());
        assertThat(events.of(RunsListener.RetryScheduled.class)).extracting(r -> r.reason() + "/" + r.delaySource())
                .containsExactly("RATE_LIMITED/SERVER", "CONNECTION_FAILED/BACKOFF");
        assertThat(events.of(RunsListener.RetryScheduled.class).get(0).delay()).isEqualTo(Duration.ofMillis(15));
        assertThat(events.of(RunsListener.PageDelivered.class)).extracting(p -> p.runs() + "/" + p.hasMore())
                .containsExactly("20/true", "5/false");
        assertThat(events.of(RunsListener.ListingEnded.class)).containsExactly(
                new RunsListener.ListingEnded("thread_abc", 25, 2, RunsListener.Ending.COMPLETED, java.util.Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(Reach.class)
    void aPublisherReportsTheSameAsABlockingListing(Reach reach) throws InterruptedException {
        fake.seedThread("thread_abc", 25, 42L);
        fake.failWhen(request -> request.queryParam("after").isPresent(), Fault.status(503), 1);
        CountingSubscriber subscriber = new CountingSubscriber();

        client(reach).listAllAsync("thread_abc", ListRunsParams.builder().limit(20).build()).subscribe(subscriber);

        assertThat(subscriber.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.runs).hasValue(25);
        assertThat(events.await("ListingEnded")).isTrue();
        assertThat(events.kinds()).containsExactly(
                "AttemptStarted", "PageDelivered", "AttemptEnded",
                "AttemptStarted", "AttemptEnded", "RetryScheduled",
                "AttemptStarted", "PageDelivered", "AttemptEnded",
                "ListingEnded");
        assertThat(events.of(RunsListener.RetryScheduled.class).get(0).reason())
                .isEqualTo(RunsListener.RetryReason.SERVER_ERROR);
        assertThat(events.of(RunsListener.ListingEnded.class).get(0).ending()).isEqualTo(RunsListener.Ending.COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(Reach.class)
    void anUnknownThreadFailsTheListingAfterOneAttempt(Reach reach) {
        assertThatThrownBy(() -> client(reach).listAll("thread_missing").iterator().hasNext())
                .isInstanceOf(NotFoundException.class);

        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded", "ListingEnded");
        assertThat(events.of(RunsListener.AttemptEnded.class).get(0).status()).isEqualTo(OptionalInt.of(404));
        RunsListener.ListingEnded end = events.of(RunsListener.ListingEnded.class).get(0);
        assertThat(end.ending()).isEqualTo(RunsListener.Ending.FAILED);
        assertThat(end.failure()).hasValueSatisfying(f -> assertThat(f).contains("NotFoundException"));
    }

    @ParameterizedTest
    @EnumSource(Reach.class)
    void aWrongKeyNeverReachesAnEvent(Reach reach) {
        String wrongKey = "sk-proj-WRONGKEY-0123456789abcdef";

        assertThatThrownBy(() -> client(reach, wrongKey).listAll("thread_abc").iterator().hasNext())
                .isInstanceOf(AuthenticationException.class);

        assertThat(events.kinds()).containsExactly("AttemptStarted", "AttemptEnded", "ListingEnded");
        assertThat(events.all).allSatisfy(event -> assertThat(event.toString())
                .doesNotContain(wrongKey).doesNotContain(wrongKey.substring(0, 12)).doesNotContain("0123456789"));
    }

    /** Asks for everything and counts the runs. */
    static final class CountingSubscriber implements Flow.Subscriber<Run> {
        final CountDownLatch done = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Run item) {
            runs.incrementAndGet();
        }

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
