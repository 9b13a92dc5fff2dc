package dev.runlist.transport.jdk.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds every blocking read of a response body: the JDK client times out only the wait for the
 * headers, so one watchdog per body checks how long the read in progress has been blocked and closes
 * the body once that reaches the timeout; the read then fails with a {@link SocketTimeoutException}.
 *
 * <p>Why one watchdog and not a timer per read: a body arrives in many small reads, and arming and
 * cancelling a timer task for each woke the timer thread about 20 times a request. The watchdog runs
 * once per timeout period at most, re-armed for the time the current read has left. Reads of bytes
 * already buffered do not touch it. It stops at the end of the body or when the body is closed.
 * Not thread-safe, like any InputStream; the watchdog runs on {@code timer}.
 */
public final class ReadTimeoutInputStream extends FilterInputStream {
    private final long timeoutNanos;
    private final ScheduledExecutorService timer;
    /** When the read in progress started; meaningful while {@link #reading}. Written before it. */
    private volatile long readStartNanos;
    private volatile boolean reading;
    private volatile boolean timedOut;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> watchdog;

    /** Wraps {@code body}, failing a read that waits longer than {@code timeout}. */
    public ReadTimeoutInputStream(InputStream body, Duration timeout, ScheduledExecutorService timer) {
        super(body);
        this.timeoutNanos = timeout.toNanos();
        this.timer = timer;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!timedOut && in.available() > 0) {
            return in.read(b, off, len);
        }
        readStartNanos = System.nanoTime();
        reading = true;
        if (watchdog == null) {
            watchdog = schedule(timeoutNanos);
        }
        try {
            int n = in.read(b, off, len);
            if (timedOut) {
                throw timeout(null);
            }
            if (n == -1) {
                stop();
            }
            return n;
        } catch (IOException e) {
            throw timedOut ? timeout(e) : e;
        } finally {
            reading = false;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        // FilterInputStream.skip would bypass the watchdog; read through it instead.
        byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 0))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r == -1) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        stop();
        super.close();
    }

    private void stop() {
        stopped = true;
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
    }

    /** The watchdog's check: expires a read blocked for the timeout, else looks again when it could be. */
    private void check() {
        if (stopped) {
            return;
        }
        long wait = timeoutNanos;
        if (reading) {
            long blocked = System.nanoTime() - readStartNanos;
            if (blocked >= timeoutNanos) {
                timedOut = true;
                Failures.closeQuietly(in);
                return;
            }
            wait = timeoutNanos - blocked;
        }
        ScheduledFuture<?> next = schedule(wait);
        watchdog = next;
        if (stopped && next != null) {
            next.cancel(false); // stop() ran meanwhile and may have cancelled the previous one only
        }
    }

    private ScheduledFuture<?> schedule(long nanos) {
        try {
            return timer.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedTransport) {
            return null;
        }
    }

    private SocketTimeoutException timeout(IOException cause) {
        SocketTimeoutException e = new SocketTimeoutException("no body bytes for "
                + Duration.ofNanos(timeoutNanos).toMillis() + " ms (read timeout)");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
