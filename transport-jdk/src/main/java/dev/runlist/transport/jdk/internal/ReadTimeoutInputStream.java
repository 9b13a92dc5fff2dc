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
 * headers, so a read that may block arms a timer that closes the body when it fires, and the read
 * then fails with a {@link SocketTimeoutException}. Reads of bytes already
 * buffered arm no timer. Not thread-safe, like any InputStream.
 */
public final class ReadTimeoutInputStream extends FilterInputStream {
    private final long timeoutNanos;
    private final ScheduledExecutorService timer;
    private volatile boolean timedOut;

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
        ScheduledFuture<?> alarm = arm();
        try {
            int n = in.read(b, off, len);
            if (timedOut) {
                throw timeout(null);
            }
            return n;
        } catch (IOException e) {
            throw timedOut ? timeout(e) : e;
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        // FilterInputStream.skip would bypass the timer; read through it instead.
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

    private ScheduledFuture<?> arm() {
        try {
            return timer.schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedTransport) {
            return null;
        }
    }

    private void expire() {
        timedOut = true;
        Failures.closeQuietly(in);
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
