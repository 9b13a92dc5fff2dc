package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.RunlistException;
import dev.runlist.model.Run;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** listAsync and listAllAsync: results, cancellation, back-pressure and errors. */
class AsyncTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RunsClient client = RunsClient.builder().apiKey("sk-x").transport(transport)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();

    @Test
    void listAsyncCompletesWithThePageAfterRetrying() throws Exception {
        transport.respond(503, "busy").respond(200, Pages.page(false, "run_1"));
        RunPage page = client.listAsync("t", ListRunsParams.none()).get(5, TimeUnit.SECONDS);
        assertThat(page.data()).extracting(Run::id).containsExactly("run_1");
        assertThat(transport.requests()).hasSize(2);
    }

    @Test
    void cancellingListAsyncCancelsTheExchangeInFlight() throws Exception {
        transport.hang();
        CompletableFuture<RunPage> f = client.listAsync("t", ListRunsParams.none());
        assertThat(transport.hung.tryAcquire(5, TimeUnit.SECONDS)).as("the exchange started").isTrue();
        assertThat(transport.hanging).hasSize(1);
        f.cancel(true);
        assertThat(transport.hangCancelled.tryAcquire(5, TimeUnit.SECONDS)).as("the exchange was cancelled").isTrue();
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void listAsyncFailsWithTheTypedException() {
        transport.respond(500, "x").respond(500, "x").respond(500, "x");
        CompletableFuture<RunPage> f = client.listAsync("t", ListRunsParams.none());
        assertThat(f).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(InternalServerException.class);
    }

    @Test
    void publisherHonoursDemandAndFetchesOnlyWhatIsAskedFor() throws Exception {
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(200, Pages.page(false, "run_3"));
        Recorder recorder = new Recorder();
        client.listAllAsync("t", ListRunsParams.builder().limit(2).build()).subscribe(recorder);
        recorder.subscribed.await(5, TimeUnit.SECONDS);
        assertThat(transport.requests()).isEmpty();

        recorder.subscription.request(1);
        recorder.awaitCount(1);
        assertThat(recorder.runs).containsExactly("run_1");
        assertThat(transport.requests()).hasSize(1);

        recorder.subscription.request(2);
        recorder.awaitCount(3);
        assertThat(recorder.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.runs).containsExactly("run_1", "run_2", "run_3");
        assertThat(recorder.error).isNull();
        assertThat(transport.requests()).hasSize(2);
    }

    @Test
    void publisherErrorCarriesResumeParams() throws Exception {
        transport.respond(200, Pages.page(true, "run_1")).respond(500, "x").respond(500, "x").respond(500, "x");
        Recorder recorder = new Recorder();
        client.listAllAsync("t", ListRunsParams.none()).subscribe(recorder);
        recorder.subscribed.await(5, TimeUnit.SECONDS);
        recorder.subscription.request(Long.MAX_VALUE);
        assertThat(recorder.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.runs).containsExactly("run_1");
        assertThat(recorder.error).isInstanceOf(InternalServerException.class);
        assertThat(((RunlistException) recorder.error).resumeParams()).contains(ListRunsParams.none().withAfter("run_1"));
    }

    @Test
    void cancellingTheSubscriptionStopsFetching() throws Exception {
        transport.respond(200, Pages.page(true, "run_1")).hang();
        Recorder recorder = new Recorder();
        client.listAllAsync("t", ListRunsParams.none()).subscribe(recorder);
        recorder.subscribed.await(5, TimeUnit.SECONDS);
        recorder.subscription.request(5);
        recorder.awaitCount(1);
        assertThat(transport.hung.tryAcquire(5, TimeUnit.SECONDS)).as("the second page's exchange started").isTrue();
        recorder.subscription.cancel();
        assertThat(transport.hangCancelled.tryAcquire(5, TimeUnit.SECONDS)).as("the exchange was cancelled").isTrue();
        assertThat(recorder.done.getCount()).isEqualTo(1);
    }

    private static final class Recorder implements Flow.Subscriber<Run> {
        final List<String> runs = new CopyOnWriteArrayList<>();
        final CountDownLatch subscribed = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        volatile Flow.Subscription subscription;
        volatile Throwable error;
        final java.util.concurrent.Semaphore delivered = new java.util.concurrent.Semaphore(0);
        private int awaited;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            subscribed.countDown();
        }

        @Override
        public void onNext(Run item) {
            runs.add(item.id());
            delivered.release();
        }

        @Override
        public void onError(Throwable t) {
            error = t;
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }

        /** Waits for the n-th run delivered (each onNext releases a permit), at most 5 s in all. */
        void awaitCount(int n) throws InterruptedException {
            int more = n - awaited;
            assertThat(delivered.tryAcquire(more, 5, TimeUnit.SECONDS)).as("%d runs delivered", n).isTrue();
            awaited = n;
        }
    }
}
