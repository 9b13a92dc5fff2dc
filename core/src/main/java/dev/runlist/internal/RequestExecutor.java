package dev.runlist.internal;

import dev.runlist.errors.ConnectionException;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.RunlistException;
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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
@NullUnmarked // Outcome's fields and the transport callbacks' (response, error) pairs are null by turns
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
    private final LiveCalls calls;
    private final ListenerEvents events;

    /** An executor for calls made with {@code settings}, tracked by {@code calls}. */
    public RequestExecutor(ClientSettings settings, LiveCalls calls) {
        this.settings = settings;
        this.transport = settings.transport();
        this.retryPolicy = settings.retryPolicy();
        this.errorMapper = new ErrorMapper(settings.json(), settings.authenticator());
        this.calls = calls;
        this.events = settings.events();
    }

    /**
     * Makes the call on the caller's thread, retrying as the policy allows, and returns what
     * {@code reader} read. Every wait (for the headers, for body bytes, before a retry) ends when the
     * call ends: by its deadline, by {@code close()}, or by an interrupt, which aborts the exchange and
     * throws a {@link RunlistException} caused by the {@link InterruptedException}, the thread's
     * interrupt flag set again.
     *
     * @param requestFor builds the request of an attempt given the time left (null: no overall timeout)
     * @param timeout the overall timeout, all attempts included; null for none
     * @throws dev.runlist.errors.ClientClosedException when the client is or gets closed
     */
    public <T> T execute(Function<Duration, TransportRequest> requestFor, BodyReader<T> reader, Duration timeout) {
        Call<T> call = new Call<>(timeout);
        if (!calls.add(call)) {
            throw Call.refused();
        }
        call.armDeadline(calls);
        AtomicBoolean renewedCredential = new AtomicBoolean();
        CompletableFuture<T> result = call.result();
        for (int attempt = 1; !result.isDone(); attempt++) {
            long start = System.nanoTime();
            TransportRequest request;
            CompletableFuture<TransportResponse> exchange;
            try {
                request = requestFor.apply(call.remainingOrFail());
                call.attempt(attempt, RequestTarget.of(request));
                events.attemptStarted(request, attempt);
                exchange = transport.executeAsync(request);
            } catch (RuntimeException e) {
                call.abort(e);
                break;
            }
            call.exchange(exchange);
            Outcome<T> outcome;
            try {
                TransportResponse response = exchange.get();
                if (!call.response(response)) {
                    break;
                }
                outcome = onResponse(events.counting(response), request, reader, attempt, start, call, renewedCredential);
            } catch (InterruptedException e) {
                events.attemptEnded(request, attempt, start, null, e);
                throw call.interrupted(e);
            } catch (CancellationException e) {
                events.attemptEnded(request, attempt, start, null, e);
                break; // only the call cancels the exchange, once it has ended
            } catch (ExecutionException e) {
                Throwable cause = unwrap(e);
                events.attemptEnded(request, attempt, start, null, cause);
                IOException io = cause instanceof IOException x ? x : new IOException(RequestTarget.of(request) + " failed: " + cause, cause);
                outcome = onIoFailure(io, request, attempt, start, call);
            } catch (RuntimeException e) {
                outcome = Outcome.failure(e);
            }
            if (result.isDone()) {
                break;
            }
            if (Call.wasInterrupted(outcome.failure)) {
                throw call.interrupted(outcome.failure);
            }
            if (outcome.value != null) {
                result.complete(outcome.value);
            } else if (outcome.retryAfter == null) {
                call.abort(outcome.failure);
            } else {
                call.awaitEnd(outcome.retryAfter);
            }
        }
        return call.await();
    }

    /**
     * Makes the call without blocking the caller. Cancelling the returned future aborts the
     * exchange in flight, in any phase, and stops any further attempt. On a closed client the future
     * fails with a {@link dev.runlist.errors.ClientClosedException}.
     */
    public <T> CompletableFuture<T> executeAsync(
            Function<Duration, TransportRequest> requestFor, BodyReader<T> reader, Duration timeout) {
        return start(requestFor, reader, timeout, settings.asyncExecutor()).result();
    }

    private <T> Call<T> start(Function<Duration, TransportRequest> requestFor, BodyReader<T> reader, Duration timeout,
            Executor executor) {
        Call<T> call = new Call<>(timeout);
        if (!calls.add(call)) {
            call.abort(Call.refused());
            return call;
        }
        call.armDeadline(calls);
        AtomicBoolean renewedCredential = new AtomicBoolean();
        run(executor, call, () -> attempt(requestFor, reader, call, renewedCredential, 1, executor));
        return call;
    }

    /** Runs {@code task} on {@code executor}; a rejection ends the call (closed, or the executor's own reason). */
    private void run(Executor executor, Call<?> call, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            call.abort(calls.isClosed() ? Call.refused()
                    : new RunlistException("the executor refused " + call.target() + ": " + e, e));
            task.run(); // the call has ended: the task only releases its response and reports the attempt's end
        }
    }

    private <T> void attempt(Function<Duration, TransportRequest> requestFor, BodyReader<T> reader,
            Call<T> call, AtomicBoolean renewedCredential, int attempt, Executor executor) {
        CompletableFuture<T> result = call.result();
        if (result.isDone()) {
            return;
        }
        TransportRequest request;
        CompletableFuture<TransportResponse> exchange;
        long start = System.nanoTime();
        try {
            request = requestFor.apply(call.remainingOrFail());
            call.attempt(attempt, RequestTarget.of(request));
            events.attemptStarted(request, attempt);
            exchange = transport.executeAsync(request);
        } catch (RuntimeException e) {
            call.abort(e);
            return;
        }
        call.exchange(exchange);
        exchange.whenCompleteAsync((response, error) -> {
            if (response != null && !call.response(response)) {
                events.attemptEnded(request, attempt, start, response, new CancellationException("the call has ended"));
                return;
            }
            Outcome<T> outcome;
            try {
                if (error == null) {
                    outcome = onResponse(events.counting(response), request, reader, attempt, start, call, renewedCredential);
                } else {
                    Throwable cause = unwrap(error);
                    events.attemptEnded(request, attempt, start, null, cause);
                    if (cause instanceof CancellationException) {
                        // Only the call cancels the exchange, once it has ended.
                        return;
                    }
                    IOException io = cause instanceof IOException e ? e
                            : new IOException(RequestTarget.of(request) + " failed: " + cause, cause);
                    outcome = onIoFailure(io, request, attempt, start, call);
                }
            } catch (RuntimeException e) {
                outcome = Outcome.failure(e);
            }
            if (result.isDone()) {
                return;
            }
            if (outcome.value != null) {
                result.complete(outcome.value);
            } else if (outcome.retryAfter == null) {
                call.abort(outcome.failure);
            } else {
                call.retryTimer(calls.schedule(() -> run(executor, call,
                                () -> attempt(requestFor, reader, call, renewedCredential, attempt + 1, executor)),
                        outcome.retryAfter.toNanos()));
            }
        }, task -> run(executor, call, task));
    }

    private <T> Outcome<T> onResponse(TransportResponse response, TransportRequest request, BodyReader<T> reader,
            int attempt, long start, Call<?> call, AtomicBoolean renewedCredential) {
        try (response) {
            int status = response.status();
            Headers headers = response.headers();
            log(request, status, start, headers, attempt, null);
            if (status >= 200 && status < 300) {
                GuardedBodyStream raw = new GuardedBodyStream(response.body(), call.bounded(), call.deadlineNanos());
                try {
                    T value = reader.read(decodedBody(response, raw), headers);
                    events.attemptEnded(request, attempt, start, response, null);
                    return Outcome.success(value);
                } catch (RuntimeException e) {
                    events.attemptEnded(request, attempt, start, response, raw.failure() != null ? raw.failure() : e);
                    if (raw.failure() == null || !(e instanceof DecodeException)) {
                        throw e;
                    }
                    return onIoFailure(raw.failure(), request, attempt, start, call);
                }
            }
            RunlistException error = errorMapper.toException(status, headers, ResponseBodies.readErrorBody(response),
                    attempt, retryPolicy.serverDelay(headers).orElse(null));
            events.attemptEnded(request, attempt, start, response, null);
            if (status == 401 && settings.authenticator().rejected(request) && renewedCredential.compareAndSet(false, true)) {
                // A token may expire or be revoked before its stated expiry: one more attempt with a fresh one.
                return retryOrTimeout(Duration.ZERO, error, attempt, call);
            }
            if (RetryPolicy.isRetryable(status, headers) && retryPolicy.canRetry(attempt)) {
                // Empty when the server's delay is more than the client waits: fail now, as the status's exception.
                Optional<Duration> delay = retryPolicy.delay(attempt, headers, call.remaining());
                return delay.isEmpty() ? Outcome.failure(error) : retryOrTimeout(delay.get(), error, attempt, call);
            }
            return Outcome.failure(error);
        } catch (IOException closeFailure) {
            return onIoFailure(closeFailure, request, attempt, start, call);
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
            Call<?> call) {
        log(request, -1, start, Headers.empty(), attempt, e);
        if (call.expired()) {
            return Outcome.failure(call.timeoutException(e));
        }
        ConnectionException failure = new ConnectionException(describeFailure(request, e), e, attempt);
        if (!RetryPolicy.isRetryable(e) || !retryPolicy.canRetry(attempt)) {
            return Outcome.failure(failure);
        }
        return retryOrTimeout(retryPolicy.delay(attempt, Headers.empty(), null).orElseThrow(), failure, attempt, call);
    }

    private <T> Outcome<T> retryOrTimeout(Duration delay, RunlistException last, int attempt, Call<?> call) {
        if (!call.allows(delay)) {
            return Outcome.failure(call.timeoutException(last));
        }
        events.retryScheduled(attempt, delay, last);
        return Outcome.retry(delay, last);
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
        String target = RequestTarget.of(request);
        return message.startsWith(target) ? message : target + " failed: " + message;
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
}
