package dev.runlist.internal;

import dev.runlist.spi.Headers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a failed attempt is retried and how long to wait first. Retries connection errors
 * (but not a TLS certificate that is untrusted or names another host), 408, 409, 429 and 5xx; never other statuses, unless the server says {@code x-should-retry: true}
 * (and {@code x-should-retry: false} forbids any retry).
 *
 * <p>The server's {@code retry-after-ms}, else {@code Retry-After} (seconds or an HTTP date), is a
 * minimum: the retry waits exactly that long. A delay longer than {@link #MAX_SERVER_DELAY} or than
 * the time left before the call's deadline means no retry at all (the call fails at once with the
 * status's exception, carrying the delay), never an earlier one. Without a usable server delay (none,
 * unparseable, zero, negative or a date in the past) the wait is exponential back-off from the
 * initial delay, doubling to the cap, less up to 25% jitter: a server never makes the client retry
 * immediately. Immutable and thread-safe.
 */
public final class RetryPolicy {

    /** The default number of retries after the first attempt. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** The default first back-off. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** The default longest back-off. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

    /**
     * The longest server delay the client waits out; a longer one fails the call at once. (openai-python
     * waits up to 120 s; this client's default overall timeout is 60 s.)
     */
    public static final Duration MAX_SERVER_DELAY = Duration.ofSeconds(60);

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;

    /** A policy allowing {@code maxRetries} retries with the given back-off bounds. */
    public RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Clock clock) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** The number of retries allowed after the first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * Whether a failed exchange should be retried, ignoring the count: every I/O failure except a
     * certificate that is not trusted or does not match the host, which no retry can change.
     */
    public static boolean isRetryable(IOException failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLPeerUnverifiedException
                    || t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException) {
                return false;
            }
        }
        return true;
    }

    /** Whether a response with {@code status} and {@code headers} should be retried, ignoring the count. */
    public static boolean isRetryable(int status, Headers headers) {
        Optional<String> shouldRetry = headers.firstValue("x-should-retry");
        if (shouldRetry.isPresent()) {
            if ("true".equalsIgnoreCase(shouldRetry.get().trim())) {
                return true;
            }
            if ("false".equalsIgnoreCase(shouldRetry.get().trim())) {
                return false;
            }
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry) after a response carrying
     * {@code headers}, or after a connection error when {@code headers} is empty.
     *
     * @param timeLeft the time left before the call's deadline, or null when it has none
     * @return the wait; empty when the server asked for longer than {@link #MAX_SERVER_DELAY} or
     *     {@code timeLeft}, so the call must not be retried
     */
    public Optional<Duration> delay(int retry, Headers headers, Duration timeLeft) {
        Optional<Duration> server = serverDelay(headers);
        if (server.isEmpty()) {
            return Optional.of(backoff(retry));
        }
        Duration d = server.get();
        boolean tooLong = d.compareTo(MAX_SERVER_DELAY) > 0 || timeLeft != null && d.compareTo(timeLeft) > 0;
        return tooLong ? Optional.empty() : server;
    }

    /** Whether {@code attemptsMade} attempts leave room for another. */
    public boolean canRetry(int attemptsMade) {
        return attemptsMade <= maxRetries;
    }

    Duration backoff(int retry) {
        double base = initialBackoff.toNanos() * Math.pow(2, Math.max(0, retry - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (capped * jitter));
    }

    /**
     * The delay a response's headers ask for: {@code retry-after-ms}, else {@code Retry-After}.
     *
     * @return the delay; empty when none is given, or it is unparseable, zero, negative or past
     */
    public Optional<Duration> serverDelay(Headers headers) {
        Optional<Duration> delay = headers.firstValue("retry-after-ms").flatMap(RetryPolicy::parseMillis);
        if (delay.isEmpty()) {
            delay = headers.firstValue("retry-after").flatMap(this::parseRetryAfter);
        }
        return delay.filter(d -> !d.isNegative() && !d.isZero());
    }

    private static Optional<Duration> parseMillis(String value) {
        try {
            double ms = Double.parseDouble(value.trim());
            return Double.isFinite(ms) ? Optional.of(Duration.ofNanos((long) (ms * 1_000_000))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return Double.isFinite(seconds) ? Optional.of(Duration.ofNanos((long) (seconds * 1e9))) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
