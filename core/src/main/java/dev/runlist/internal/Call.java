package dev.runlist.internal;

import dev.runlist.errors.ClientClosedException;
import dev.runlist.errors.RunlistException;
import dev.runlist.errors.RunlistTimeoutException;
import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One client call, all its attempts included: its result, its one deadline (from the start of the
 * call to the last body byte, retry waits included) and what it is doing now, so that whatever ends
 * it first (the deadline, {@code close()}, a cancel, an interrupt) completes the result at once and
 * aborts the exchange in flight: the transport's future is cancelled and the response body closed.
 * Thread-safe.
 */
final class Call<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private final @Nullable Duration timeout;
    private volatile String target = "the call";
    private volatile int attempts;
    private volatile @Nullable CompletableFuture<TransportResponse> exchange;
    private volatile @Nullable TransportResponse response;
    private volatile @Nullable ScheduledFuture<?> deadlineTimer;
    private volatile @Nullable ScheduledFuture<?> retryTimer;

    Call(@Nullable Duration timeout) {
        this.timeout = timeout;
        result.whenComplete((value, error) -> release());
    }

    /** The result; completing it in any way (a cancel included) aborts what the call is doing. */
    CompletableFuture<T> result() {
        return result;
    }

    /** Arms the deadline on {@code calls}' timer; no-op without a timeout. */
    void armDeadline(LiveCalls calls) {
        if (timeout != null) {
            deadlineTimer = calls.schedule(() -> abort(timeoutException(null)), remainingNanos());
            if (result.isDone()) {
                release();
            }
        }
    }

    /** Starts attempt number {@code attempt} of the exchange named {@code target}. */
    void attempt(int attempt, String target) {
        this.attempts = attempt;
        this.target = target;
    }

    /** Records the exchange in flight; aborts it at once if the call has ended meanwhile. */
    void exchange(CompletableFuture<TransportResponse> f) {
        exchange = f;
        if (result.isDone()) {
            abort(f);
        }
    }

    /**
     * Records the response whose body is being read; false (the response closed) if the call has
     * ended meanwhile.
     */
    boolean response(TransportResponse r) {
        response = r;
        if (result.isDone()) {
            closeQuietly(r);
            return false;
        }
        return true;
    }

    /** Records the wait before the next attempt; cancels it at once if the call has ended meanwhile. */
    void retryTimer(@Nullable ScheduledFuture<?> f) {
        retryTimer = f;
        if (f != null && result.isDone()) {
            f.cancel(false);
        }
    }

    /** Ends the call with {@code reason} unless it has ended already; true when this ended it. */
    boolean abort(RuntimeException reason) {
        return result.completeExceptionally(reason);
    }

    /**
     * Waits up to {@code wait} for the call to end (a retry's back-off); returns early when it ends.
     *
     * @throws RunlistException when the thread is interrupted (see {@link #interrupted})
     */
    void awaitEnd(Duration wait) {
        try {
            result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            // Waited out, or the call ended: the caller looks at the result next.
        }
    }

    /** The result once the call has ended: the value, or the exception that ended it, rethrown. */
    T await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RunlistException(target + " failed: " + cause, cause);
        } catch (CancellationException e) {
            throw new RunlistException(target + " was cancelled", e);
        }
    }

    /**
     * Ends the call because the calling thread was interrupted ({@code cause} is the
     * {@link InterruptedException} or the failure the transport made of it): the exchange is aborted,
     * the thread's interrupt flag set again, and the exception to throw returned.
     */
    RunlistException interrupted(Throwable cause) {
        Throwable why = cause;
        if (!isInterruption(cause)) {
            // Interrupted while the attempt ended otherwise (a 503, say): the interrupt is the cause.
            why = new InterruptedException("the calling thread was interrupted");
            why.addSuppressed(cause);
        }
        RunlistException interrupted = new RunlistException(target + " was interrupted after "
                + elapsedMillis() + " ms (attempt " + Math.max(1, attempts) + ")", why);
        abort(interrupted);
        Thread.currentThread().interrupt();
        return interrupted;
    }

    /**
     * Whether the calling thread was interrupted: its flag is set, or {@code failure} was caused by an
     * interrupt (a transport may clear the flag when it turns the interrupt into an
     * {@link java.io.IOException}).
     */
    static boolean wasInterrupted(@Nullable Throwable failure) {
        return Thread.currentThread().isInterrupted() || isInterruption(failure);
    }

    /** Whether {@code failure} or one of its causes is an interruption (a socket timeout is not). */
    private static boolean isInterruption(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException
                    || t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the deadline has passed. */
    boolean expired() {
        return timeout != null && remainingNanos() <= 0;
    }

    /** Whether the deadline leaves room to wait {@code wait} and start another attempt. */
    boolean allows(Duration wait) {
        return timeout == null || wait.toNanos() < remainingNanos();
    }

    /** The time left, or null without a timeout. */
    @Nullable Duration remaining() {
        return timeout == null ? null : Duration.ofNanos(Math.max(0, remainingNanos()));
    }

    /** The time left, or null without a timeout; throws the timeout once it has run out. */
    @Nullable Duration remainingOrFail() {
        if (timeout == null) {
            return null;
        }
        long left = remainingNanos();
        if (left <= 0) {
            throw timeoutException(null);
        }
        return Duration.ofNanos(left);
    }

    /** {@link System#nanoTime()} at the deadline; meaningful only with a timeout. */
    long deadlineNanos() {
        return timeout == null ? 0 : startNanos + timeout.toNanos();
    }

    boolean bounded() {
        return timeout != null;
    }

    /** The timeout exception for this call now, naming the time really elapsed. */
    RunlistTimeoutException timeoutException(@Nullable Throwable cause) {
        return new RunlistTimeoutException(target, timeout == null ? Duration.ZERO : timeout,
                Duration.ofNanos(System.nanoTime() - startNanos), Math.max(1, attempts), cause);
    }

    /** The exception refusing a call on a closed client. */
    static ClientClosedException refused() {
        return new ClientClosedException("the RunsClient is closed; build a new one to make calls");
    }

    String target() {
        return target;
    }

    int attempts() {
        return attempts;
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private long remainingNanos() {
        return timeout == null ? Long.MAX_VALUE : startNanos + timeout.toNanos() - System.nanoTime();
    }

    /** Once the result is complete: stops the timers, cancels the exchange, closes the body. */
    private void release() {
        cancel(deadlineTimer);
        cancel(retryTimer);
        CompletableFuture<TransportResponse> f = exchange;
        if (f != null) {
            abort(f);
        }
        TransportResponse r = response;
        if (r != null) {
            closeQuietly(r);
        }
    }

    /**
     * Cancels an exchange; if its response arrived before the cancel but was never taken (the caller
     * was interrupted as it arrived, say), closes that response, which closes its connection. A
     * response taken with {@link #response} is closed by {@link #release} instead.
     */
    private void abort(CompletableFuture<TransportResponse> f) {
        if (!f.cancel(true) && f.isDone() && !f.isCompletedExceptionally() && f.join() != response) {
            closeQuietly(f.join());
        }
    }

    private static void cancel(@Nullable Future<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private static void closeQuietly(TransportResponse r) {
        try {
            r.close();
        } catch (IOException | RuntimeException ignored) {
            // The call has ended; the exchange is being abandoned.
        }
    }
}
