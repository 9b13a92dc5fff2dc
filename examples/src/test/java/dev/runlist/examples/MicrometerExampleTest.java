package dev.runlist.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.ListRunsParams;
import dev.runlist.RunsClient;
import dev.runlist.RunsListener;
import dev.runlist.testing.Fault;
import dev.runlist.testing.FakeRunsApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's metrics example: a {@link RunsListener} feeding Micrometer, so a team gets a timer per
 * attempt and counters of retries and listings without runlist depending on a metrics library. Run
 * against the fake with a rate limit and a server error scripted.
 */
class MicrometerExampleTest {

    /** The README's example, word for word. */
    static final class RunlistMetrics implements RunsListener {
        private final MeterRegistry registry;

        RunlistMetrics(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void attemptEnded(AttemptEnded e) {
            String status = e.status().isPresent() ? String.valueOf(e.status().getAsInt()) : "none";
            registry.timer("runlist.attempt", "status", status, "outcome", e.succeeded() ? "success" : "failure")
                    .record(e.duration());
        }

        @Override
        public void retryScheduled(RetryScheduled e) {
            registry.counter("runlist.retries", "reason", e.reason().name(), "delay", e.delaySource().name())
                    .increment();
        }

        @Override
        public void listingEnded(ListingEnded e) {
            registry.counter("runlist.listings", "ending", e.ending().name()).increment();
        }
    }

    @Test
    void attemptsRetriesAndListingsBecomeMeters() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (FakeRunsApi fake = FakeRunsApi.create()) {
            fake.seedThread("thread_abc", 45, 42L);
            fake.enqueue(Fault.status(429).header("retry-after-ms", "10"));
            fake.failWhen(request -> request.queryParam("after").isPresent(), Fault.status(503), 1);

            try (RunsClient client = RunsClient.builder()
                    .apiKey(FakeRunsApi.DEFAULT_API_KEY)
                    .transport(fake.transport())
                    .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                    .listener(new RunlistMetrics(registry))
                    .build()) {
                assertThat(client.stream("thread_abc", ListRunsParams.builder().limit(20).build()).count()).isEqualTo(45);
            }
        }

        Timer ok = registry.get("runlist.attempt").tags("status", "200", "outcome", "success").timer();
        assertThat(ok.count()).isEqualTo(3);
        assertThat(ok.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get("runlist.attempt").tags("status", "429", "outcome", "failure").timer().count()).isEqualTo(1);
        assertThat(registry.get("runlist.attempt").tags("status", "503").timer().count()).isEqualTo(1);
        assertThat(registry.get("runlist.retries").tags("reason", "RATE_LIMITED", "delay", "SERVER").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("runlist.retries").tags("reason", "SERVER_ERROR", "delay", "BACKOFF").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("runlist.listings").tags("ending", "COMPLETED").counter().count()).isEqualTo(1.0);
    }
}
