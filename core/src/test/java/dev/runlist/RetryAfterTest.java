package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.errors.InternalServerException;
import dev.runlist.RunsListener.DelaySource;
import dev.runlist.RunsListener.RetryScheduled;
import dev.runlist.errors.RateLimitException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A server's retry delay is a minimum: never retried sooner, and a delay the client will not wait fails at once. */
class RetryAfterTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    /** The clients' events: the retries they scheduled, with the delay each waited, are checked instead of the clock. */
    private final RecordingListener events = new RecordingListener();

    private RunsClient client(int maxRetries, Duration timeout, Duration backoff) {
        return RunsClient.builder().apiKey("sk-x").transport(transport).maxRetries(maxRetries).timeout(timeout)
                .retryBackoff(backoff, backoff).listener(events).build();
    }

    private static String rateLimited() {
        return Pages.error("Rate limit reached", "requests", null, "rate_limit_exceeded");
    }

    @Test
    void delayAboveTheCapFailsAtOnceAsARateLimitExceptionCarryingIt() {
        transport.respond(429, rateLimited(), "Retry-After", "120");
        Throwable thrown = catching(() -> client(5, Duration.ofSeconds(60), Duration.ofMillis(1)).list("t"));
        assertThat(thrown).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(e.attempts()).isEqualTo(1);
        }).hasMessageContaining("retry after 120000 ms");
        assertThat(transport.requests()).hasSize(1);
        assertThat(events.of(RetryScheduled.class)).as("no wait scheduled").isEmpty();
    }

    @Test
    void delayBeyondTheDeadlineFailsAtOnceAsTheStatusExceptionNotATimeout() {
        transport.respond(429, rateLimited(), "Retry-After", "30");
        Throwable thrown = catching(() -> client(5, Duration.ofSeconds(2), Duration.ofMillis(1)).list("t"));
        assertThat(thrown).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(e.attempts()).isEqualTo(1);
        });
        transport.respond(200, Pages.page(false, "run_1"))
                .respond(503, "busy", "retry-after-ms", "5000");
        client(5, Duration.ofSeconds(60), Duration.ofMillis(1)).list("t");
        Throwable second = catching(() -> client(5, Duration.ofSeconds(3), Duration.ofMillis(1)).list("t"));
        assertThat(second).isInstanceOfSatisfying(InternalServerException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        assertThat(transport.requests()).hasSize(3);
    }

    @Test
    void asyncCallsFailAtOnceToo() {
        transport.respond(429, rateLimited(), "retry-after-ms", "90000");
        CompletableFuture<RunPage> f = client(5, Duration.ofSeconds(60), Duration.ofMillis(1)).listAsync("t", ListRunsParams.none());
        Throwable thrown = catching(() -> {
            try {
                f.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(thrown.getCause().getCause()).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(90)));
        assertThat(transport.requests()).hasSize(1);
    }

    /** Zero or a date in the past: the normal back-off (here 200 ms less 25% jitter), never an immediate retry. */
    @Test
    void zeroOrPastDelayMeansTheNormalBackoff() {
        transport.respond(429, rateLimited(), "retry-after-ms", "0")
                .respond(429, rateLimited(), "Retry-After", "Thu, 01 Jan 2015 00:00:00 GMT")
                .respond(429, rateLimited(), "Retry-After", "0")
                .respond(200, Pages.page(false, "run_1"));
        client(3, Duration.ofSeconds(30), Duration.ofMillis(200)).list("t");
        assertThat(transport.requests()).hasSize(4);
        assertThat(events.of(RetryScheduled.class)).as("three back-offs of at least 150 ms").hasSize(3).allSatisfy(r -> {
            assertThat(r.delaySource()).isEqualTo(DelaySource.BACKOFF);
            assertThat(r.delay()).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
        });
    }

    @Test
    void aDelayWithinReachIsWaitedOutAndRecordedOnTheFinalException() {
        transport.respond(429, rateLimited(), "retry-after-ms", "300").respond(429, rateLimited(), "retry-after-ms", "300");
        Throwable thrown = catching(() -> client(1, Duration.ofSeconds(30), Duration.ofMillis(1)).list("t"));
        assertThat(events.of(RetryScheduled.class)).singleElement().satisfies(r -> {
            assertThat(r.delaySource()).isEqualTo(DelaySource.SERVER);
            assertThat(r.delay()).isEqualTo(Duration.ofMillis(300));
        });
        assertThat(thrown).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.retryAfter()).contains(Duration.ofMillis(300));
        });
    }

    private static Throwable catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
