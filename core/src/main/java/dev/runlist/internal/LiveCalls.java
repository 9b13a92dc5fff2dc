package dev.runlist.internal;

import dev.runlist.errors.ClientClosedException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The calls running on one client, and the timer their deadlines and retry waits run on, so that
 * {@link #close()} can end them all. Thread-safe.
 */
public final class LiveCalls implements AutoCloseable {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Set<Call<?>> calls = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;
    private volatile boolean closed;

    /** An empty registry with its own timer thread, started on first use. */
    public LiveCalls() {
        String name = "runlist-timer-" + CLIENTS.incrementAndGet();
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /** Tracks {@code call} until it completes; false (and the call untracked) once closed. */
    boolean add(Call<?> call) {
        calls.add(call);
        if (closed) {
            calls.remove(call);
            return false;
        }
        call.result().whenComplete((v, e) -> calls.remove(call));
        return true;
    }

    /** Runs {@code task} after {@code nanos}; null when the timer is shut down (the client is closed). */
    @Nullable ScheduledFuture<?> schedule(Runnable task, long nanos) {
        try {
            return timer.schedule(task, Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedClient) {
            return null;
        }
    }

    /**
     * Ends every call still running with a {@link ClientClosedException} (aborting its exchange) and
     * stops the timer; calls made afterwards are refused. Idempotent; does not block.
     */
    @Override
    public void close() {
        closed = true;
        for (Call<?> call : calls) {
            call.abort(new ClientClosedException("the RunsClient was closed while " + call.target()
                    + " was running (" + call.elapsedMillis() + " ms in, attempt " + call.attempts() + ")"));
        }
        timer.shutdownNow();
    }
}
