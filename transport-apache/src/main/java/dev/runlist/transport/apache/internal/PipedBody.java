package dev.runlist.transport.apache.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.apache.hc.core5.http.nio.CapacityChannel;

/**
 * A response body handed from Apache's I/O thread to the caller's thread as it arrives, holding at
 * most about {@code capacity} bytes: the connection is granted only what the buffer can take beyond
 * what it holds and what was granted before, so Apache stops reading the socket when the buffer is
 * full, until the caller has read half of it.
 *
 * <p>Reading is for one thread; the I/O side ({@link #write}, {@link #end}, {@link #fail},
 * {@link #updateCapacity}) may run on another. Closing before the end runs the abort action given at
 * construction, which cancels the exchange and discards the connection.
 */
public final class PipedBody extends InputStream {
    private final int capacity;
    private final long maxStallNanos;
    private boolean writerWaiting;
    private final Runnable abort;
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    private int buffered;
    private boolean ended;
    private boolean closed;
    private IOException failure;
    private CapacityChannel channel;
    /** Bytes granted to the connection and not yet received: what may still arrive without a new grant. */
    private long window;

    /**
     * A pipe holding about {@code capacity} bytes that runs {@code abort} when closed early; a writer
     * waits at most {@code maxStall} for the reader to make room.
     */
    public PipedBody(int capacity, Duration maxStall, Runnable abort) {
        this.capacity = capacity;
        this.maxStallNanos = maxStall.toNanos();
        this.abort = abort;
    }

    /** Called by Apache when the connection wants more capacity; grants what the buffer has free. */
    public void updateCapacity(CapacityChannel ch) throws IOException {
        int grant;
        synchronized (this) {
            channel = ch;
            // Apache asks when it has no capacity left: whatever was granted before has arrived.
            window = 0;
            grant = closed ? 0 : freeCapacity();
            window = grant;
        }
        if (grant > 0) {
            ch.update(grant);
        }
    }

    /**
     * Appends a copy of the remaining bytes of {@code src}. Apache goes on reading a socket past the
     * capacity granted while bytes keep arriving (its read loop stops only when the socket is empty),
     * so a sender faster than the reader would fill the heap: past twice the capacity this waits,
     * on Apache's I/O thread, until the reader has made room or closed the body, at most
     * {@code maxStall}; then the exchange fails.
     *
     * @throws IOException when the reader made no room in time, or the I/O thread was interrupted
     */
    public synchronized void write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (closed || n == 0) {
            src.position(src.limit());
            return;
        }
        byte[] copy = new byte[n];
        src.get(copy);
        chunks.add(ByteBuffer.wrap(copy));
        buffered += n;
        window = Math.max(0, window - n);
        notifyAll();
        long end = System.nanoTime() + maxStallNanos;
        while (buffered >= 2L * capacity && !closed) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new IOException("the response body's reader left " + buffered + " bytes unread for "
                        + TimeUnit.NANOSECONDS.toMillis(maxStallNanos) + " ms; the exchange is abandoned");
            }
            writerWaiting = true;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the reader of a response body");
            } finally {
                writerWaiting = false;
            }
        }
    }

    /** Marks the end of the body. */
    public synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Fails the reads that find no more buffered bytes, unless the body has already ended. */
    public synchronized void fail(IOException cause) {
        if (!ended && failure == null) {
            failure = cause;
            notifyAll();
        }
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
        int n;
        int grant = 0;
        CapacityChannel ch = null;
        synchronized (this) {
            while (chunks.isEmpty() && !ended && failure == null && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading the response body");
                }
            }
            if (closed) {
                throw new IOException("response body is closed");
            }
            if (chunks.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                return -1;
            }
            ByteBuffer head = chunks.peek();
            n = Math.min(len, head.remaining());
            head.get(b, off, n);
            if (!head.hasRemaining()) {
                chunks.poll();
            }
            buffered -= n;
            if (writerWaiting) {
                notifyAll();
            }
            int free = freeCapacity();
            if (channel != null && free >= capacity / 2) {
                // Granted in large steps, so that the connection is not woken for every read.
                grant = free;
                window += free;
                ch = channel;
            }
        }
        if (ch != null) {
            // Outside the lock: Apache takes its own lock in update() and may call back into us.
            ch.update(grant);
        }
        return n;
    }

    /** What the buffer can take beyond what it holds and what the connection may already send. */
    private int freeCapacity() {
        return (int) Math.max(0, capacity - buffered - window);
    }

    @Override
    public synchronized int available() {
        return buffered;
    }

    @Override
    public void close() {
        boolean early;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            early = !ended && failure == null;
            chunks.clear();
            buffered = 0;
            notifyAll();
        }
        if (early) {
            abort.run();
        }
    }
}
