package dev.runlist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.spi.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Back-off arithmetic and the server's retry headers. */
class RetryPolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private final RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), clock);

    @Test
    void backoffDoublesToTheCapWithAtMostAQuarterJitter() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
            assertThat(policy.backoff(2)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
            assertThat(policy.backoff(10)).isBetween(Duration.ofMillis(6000), Duration.ofMillis(8000));
        }
    }

    private Duration delay(String name, String value) {
        return policy.delay(1, Headers.of(java.util.Map.of(name, value)), null).orElseThrow();
    }

    @Test
    void serverDelayHeadersInOrderOfPrecedence() {
        assertThat(delay("retry-after-ms", "250.5")).isEqualTo(Duration.ofNanos(250_500_000));
        assertThat(delay("Retry-After", "3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(delay("Retry-After", "Thu, 26 Nov 2026 10:00:05 GMT")).isEqualTo(Duration.ofSeconds(5));
        assertThat(delay("Retry-After", "60")).isEqualTo(Duration.ofSeconds(60));
        Headers both = Headers.builder().add("Retry-After", "9").add("retry-after-ms", "10").build();
        assertThat(policy.delay(1, both, null)).contains(Duration.ofMillis(10));
    }

    /** A missing, unparseable, zero, negative or past server delay means the normal back-off, never an immediate retry. */
    @Test
    void unusableZeroOrPastServerDelaysFallBackToBackoff() {
        for (String v : new String[] {"soon", "-1", "NaN", "0", "Thu, 26 Nov 2026 09:59:00 GMT"}) {
            assertThat(delay("Retry-After", v)).as(v).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        }
        assertThat(delay("retry-after-ms", "0")).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(delay("retry-after-ms", "-5")).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    }

    /** A server delay is a minimum: above the cap or the time left, there is no retry at all (empty), never an earlier one. */
    @Test
    void serverDelayBeyondTheCapOrTheTimeLeftMeansNoRetry() {
        Headers hour = Headers.of(java.util.Map.of("Retry-After", "3600"));
        assertThat(policy.delay(1, hour, null)).isEmpty();
        assertThat(policy.delay(1, Headers.of(java.util.Map.of("retry-after-ms", "60001")), null)).isEmpty();
        Headers thirty = Headers.of(java.util.Map.of("Retry-After", "30"));
        assertThat(policy.delay(1, thirty, Duration.ofSeconds(2))).isEmpty();
        assertThat(policy.delay(1, thirty, Duration.ofSeconds(31))).contains(Duration.ofSeconds(30));
        assertThat(policy.serverDelay(hour)).contains(Duration.ofHours(1));
        assertThat(policy.serverDelay(Headers.of(java.util.Map.of("Retry-After", "0")))).isEmpty();
    }

    @Test
    void retryableStatusesAndTheServersOverride() {
        assertThat(RetryPolicy.isRetryable(408, Headers.empty())).isTrue();
        assertThat(RetryPolicy.isRetryable(409, Headers.empty())).isTrue();
        assertThat(RetryPolicy.isRetryable(429, Headers.empty())).isTrue();
        assertThat(RetryPolicy.isRetryable(500, Headers.empty())).isTrue();
        assertThat(RetryPolicy.isRetryable(400, Headers.empty())).isFalse();
        assertThat(RetryPolicy.isRetryable(404, Headers.empty())).isFalse();
        assertThat(RetryPolicy.isRetryable(404, Headers.of(java.util.Map.of("x-should-retry", "true")))).isTrue();
        assertThat(RetryPolicy.isRetryable(503, Headers.of(java.util.Map.of("X-Should-Retry", "false")))).isFalse();
    }

    @Test
    void attemptsAllowedAreOnePlusMaxRetries() {
        assertThat(policy.canRetry(1)).isTrue();
        assertThat(policy.canRetry(2)).isTrue();
        assertThat(policy.canRetry(3)).isFalse();
    }
}
