package dev.runlist.internal;

import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.RunlistException;
import dev.runlist.errors.RunlistTimeoutException;
import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.NullUnmarked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one API call through the transport: attempts, retries with back-off, the overall timeout,
 * error mapping, body decoding and one debug log line per attempt. The synchronous and asynchronous
 * paths share every decision ({@link #onResponse}, {@link #onIoFailure}); they differ only in how
 * they wait. Thread-safe.
 */
@NullUnmarked // nullness to be checked once the lifecycle and deadline rework lands
public final class RequestExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("dev.runlist.http");

    /** Reads a successful body; throws {@link DecodeException} when it cannot. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /** Reads {@code body}, whose response carried {@code headers}. */
        T read(InputStream body, Headers headers);
    }

    private final ClientSettings settings;
    private final Transport transport;
    private final RetryPolicy retryPolicy;
    private final ErrorMapper errorMapper;
    private final ListenerEvents events;

    /** An executor for calls made with {@code settings}. */
    public RequestExecutor(ClientSettings settings) {
        this.settings = settings;
        this.transport = settings.transport();
        this.retryPolicy = settings.retryPolicy();
        this.errorMapper = new ErrorMapper(settings.json(), settings.authenticator());
        this.events = settings.events();
    }

    /**
     * Makes the call, retrying as the policy allows, and returns what {@code reader} read.
     *
     * @param requestFor builds the request of an attempt given the time left (null: no overall timeout)
     * @param timeout the overall timeout, all attempts included; null for none
     */
    public <T> T execute(Function<Duration, TransportRequest> requestFor, BodyReader<T> reader, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        AtomicBoolean renewedCredential = new AtomicBoolean();
        for (int attempt = 1; ; attempt++) {
            TransportRequest request = requestFor.apply(deadline.remainingOrFail(attempt, null));
            events.attemptStarted(request, attempt);
            long start = System.nanoTime();
            Outcome<T> outcome;
            try {
                outcome = onResponse(events.counting(transport.execute(request)), request, reader, attempt, start, deadline,
                        renewedCredential);
            } catch (IOException e) {
                events.attemptEnded(request, attempt, start, null, e);
                outcome = onIoFailure(e, request, attempt, start, deadline);
            }
            if (outcome.value != null) {
                return outcome.value;
            }
            if (outcome.retryAfter == null) {
                throw outcome.failure;
            }
            sleep(outcome.retryAfter);
        }
    }

    /**
     * Makes the call without blocking the caller. Cancelling the returned future aborts the
     * exchange in flight and stops any further attempt.
     */
    public <T> CompletableFuture<T> executeAsync(
            Function<Duration, TransportRequest> requestFor, BodyReader<T> reader, Duration timeout) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<Future<?>> inFlight = new AtomicReference<>();
        result.whenComplete((value, error) -> {
            Future<?> f = inFlight.get();
            if (result.isCancelled() && f != null) {
                f.cancel(true);
            }
        });
        Deadline deadline = Deadline.after(timeout);
        AtomicBoolean renewedCredential = new AtomicBoolean();
        settings.asyncExecutor().execute(() -> attemptAsync(requestFor, reader, deadline, renewedCredential, 1, result,
                inFlight));
        return result;
    }

    private <T> void attemptAsync(Function<Duration, TransportRequest> requestFor, BodyReader<T> reader,
            Deadline deadline, AtomicBoolean renewedCredential, int attempt, CompletableFuture<T> result,
            AtomicReference<Future<?>> inFlight) {
        if (result.isDone()) {
            return;
        }
        TransportRequest request;
        try {
            request = requestFor.apply(deadline.remainingOrFail(attempt, null));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        events.attemptStarted(request, attempt);
        long start = System.nanoTime();
        CompletableFuture<TransportResponse> exchange = transport.executeAsync(request);
        inFlight.set(exchange);
        if (result.isCancelled()) {
            exchange.cancel(true); // the handler below still runs, and reports the attempt's end
        }
        exchange.whenCompleteAsync((response, error) -> {
            Outcome<T> outcome;
            try {
                if (error == null) {
                    outcome = onResponse(events.counting(response), request, reader, attempt, start, deadline, renewedCredential);
                } else {
                    Throwable cause = unwrap(error);
                    events.attemptEnded(request, attempt, start, null, cause);
                    if (cause instanceof CancellationException) {
                        result.cancel(false);
                        return;
                    }
                    IOException io = cause instanceof IOException e ? e
                            : new IOException(request.target() + " failed: " + cause, cause);
                    outcome = onIoFailure(io, request, attempt, start, deadline);
                }
            } catch (RuntimeException e) {
                outcome = Outcome.failure(e);
            }
            if (outcome.value != null) {
                result.complete(outcome.value);
            } else if (outcome.retryAfter == null) {
                result.completeExceptionally(outcome.failure);
            } else {
                CompletableFuture.delayedExecutor(outcome.retryAfter.toNanos(), TimeUnit.NANOSECONDS,
                                settings.asyncExecutor())
                        .execute(() -> attemptAsync(requestFor, reader, deadline, renewedCredential, attempt + 1, result,
                                inFlight));
            }
        }, settings.asyncExecutor());
    }

    private <T> Outcome<T> onResponse(TransportResponse response, TransportRequest request, BodyReader<T> reader,
            int attempt, long start, Deadline deadline, AtomicBoolean renewedCredential) {
        try (response) {
            int status = response.status();
            Headers headers = response.headers();
            log(request, status, start, headers, attempt, null);
            if (status >= 200 && status < 300) {
                GuardedBodyStream raw = deadline.guard(response.body());
                try {
                    T value = reader.read(decodedBody(response, raw), headers);
                    events.attemptEnded(request, attempt, start, response, null);
                    return Outcome.success(value);
                } catch (RuntimeException e) {
                    events.attemptEnded(request, attempt, start, response, raw.failure() != null ? raw.failure() : e);
                    if (raw.failure() == null || !(e instanceof DecodeException)) {
                        throw e;
                    }
                    return onIoFailure(raw.failure(), request, attempt, start, deadline);
                }
            }
            RunlistException error = errorMapper.toException(status, headers, ResponseBodies.readErrorBody(response),
                    attempt, retryPolicy.serverDelay(headers).orElse(null));
            events.attemptEnded(request, attempt, start, response, null);
            if (status == 401 && settings.authenticator().rejected(request) && renewedCredential.compareAndSet(false, true)) {
                // A token may expire or be revoked before its stated expiry: one more attempt with a fresh one.
                return retryOrTimeout(Duration.ZERO, error, attempt, deadline);
            }
            if (RetryPolicy.isRetryable(status, headers) && retryPolicy.canRetry(attempt)) {
                // Empty when the server's delay is more than the client waits: fail now, as the status's exception.
                Optional<Duration> delay = retryPolicy.delay(attempt, headers, deadline.remaining());
                return delay.isEmpty() ? Outcome.failure(error) : retryOrTimeout(delay.get(), error, attempt, deadline);
            }
            return Outcome.failure(error);
        } catch (IOException closeFailure) {
            return onIoFailure(closeFailure, request, attempt, start, deadline);
        }
    }

    private static InputStream decodedBody(TransportResponse response, InputStream raw) {
        try {
            return ResponseBodies.decoded(new TransportResponse(response.status(), response.headers(), raw));
        } catch (IOException e) {
            throw new DecodeException("could not decode the response body: " + e.getMessage(), "$", 0, e);
        }
    }

    private <T> Outcome<T> onIoFailure(IOException e, TransportRequest request, int attempt, long start,
            Deadline deadline) {
        log(request, -1, start, Headers.empty(), attempt, e);
        if (deadline.expired()) {
            return Outcome.failure(deadline.timeoutException(attempt, e));
        }
        ConnectionException failure = new ConnectionException(describeFailure(request, e), e, attempt);
        if (!RetryPolicy.isRetryable(e) || !retryPolicy.canRetry(attempt)) {
            return Outcome.failure(failure);
        }
        return retryOrTimeout(retryPolicy.delay(attempt, Headers.empty(), null).orElseThrow(), failure, attempt, deadline);
    }

    private <T> Outcome<T> retryOrTimeout(Duration delay, RunlistException last, int attempt, Deadline deadline) {
        if (!deadline.allows(delay)) {
            return Outcome.failure(deadline.timeoutException(attempt, last));
        }
        events.retryScheduled(attempt, delay, last);
        return Outcome.retry(delay, last);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunlistException("interrupted while waiting to retry", e);
        }
    }

    private void log(TransportRequest request, int status, long start, Headers headers, int attempt, IOException e) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String target = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        int attempts = retryPolicy.maxRetries() + 1;
        if (e != null) {
            LOG.debug("{} {} failed after {} ms: {} (attempt {}/{})", request.method(), target, ms, e.toString(), attempt, attempts);
        } else {
            LOG.debug("{} {} -> {} in {} ms (request id {}, attempt {}/{})", request.method(), target, status, ms,
                    Objects.requireNonNullElse(ErrorMapper.requestId(headers), "none"), attempt, attempts);
        }
    }

    /** The failure's message (redacted: it may quote the server), led by the request's target unless already named. */
    private String describeFailure(TransportRequest request, IOException e) {
        String message = e.getMessage() == null ? e.getClass().getName() : settings.authenticator().redact(e.getMessage());
        return message.startsWith(request.target()) ? message : request.target() + " failed: " + message;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException || cause instanceof UncheckedIOException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** What one attempt led to: a value, a retry after a delay, or a failure to report. */
    private static final class Outcome<T> {
        final T value;
        final Duration retryAfter;
        final RuntimeException failure;

        private Outcome(T value, Duration retryAfter, RuntimeException failure) {
            this.value = value;
            this.retryAfter = retryAfter;
            this.failure = failure;
        }

        static <T> Outcome<T> success(T value) {
            return new Outcome<>(value, null, null);
        }

        static <T> Outcome<T> retry(Duration delay, RuntimeException last) {
            return new Outcome<>(null, delay, last);
        }

        static <T> Outcome<T> failure(RuntimeException failure) {
            return new Outcome<>(null, null, failure);
        }
    }

    /** The end of a call's overall timeout, or none. */
    private static final class Deadline {
        private final Duration timeout;
        private final long endNanos;

        private Deadline(Duration timeout) {
            this.timeout = timeout;
            this.endNanos = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        }

        static Deadline after(Duration timeout) {
            return new Deadline(timeout);
        }

        boolean expired() {
            return timeout != null && System.nanoTime() - endNanos >= 0;
        }

        /** The body stream, failing reads once this deadline has passed. */
        GuardedBodyStream guard(InputStream body) {
            return new GuardedBodyStream(body, timeout != null, endNanos);
        }

        /** The time left, or null without a timeout. */
        Duration remaining() {
            return timeout == null ? null : Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
        }

        boolean allows(Duration wait) {
            return timeout == null || System.nanoTime() + wait.toNanos() - endNanos < 0;
        }

        /** The time left, or null without a timeout; throws once it has run out. */
        Duration remainingOrFail(int attempt, Throwable cause) {
            if (timeout == null) {
                return null;
            }
            long left = endNanos - System.nanoTime();
            if (left <= 0) {
                throw timeoutException(attempt, cause);
            }
            return Duration.ofNanos(left);
        }

        RunlistTimeoutException timeoutException(int attempt, Throwable cause) {
            return new RunlistTimeoutException("the call", timeout, attempt, cause);
        }
    }
}
