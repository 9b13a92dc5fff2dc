package dev.runlist.transport.jdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A response body read from the JDK client's body publisher, one list of buffers requested at a
 * time. Unlike {@code BodyHandlers.ofInputStream()} on Java 17, which swallows an interrupt and keeps
 * waiting, a read blocked here ends when its thread is interrupted: the body is closed (which makes
 * the JDK close the connection) and the read throws an {@link InterruptedIOException}, the thread's
 * interrupt flag set again. Closing from another thread, at any time, wakes a blocked read, which then
 * fails. Reading is for one thread; the subscriber side runs on the JDK's threads.
 */
public final class PublisherBody extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();
    private static final Object CLOSED = new Object();

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private Iterator<ByteBuffer> lists = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;

    /** A body waiting for its subscription. */
    public PublisherBody() {}

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrived.add(item);
    }

    @Override
    public void onError(Throwable failure) {
        arrived.add(failure);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
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
        while (current == null || !current.hasRemaining()) {
            if (closed) {
                throw new IOException("the response body is closed");
            }
            if (ended) {
                return -1;
            }
            if (lists.hasNext()) {
                current = lists.next();
                continue;
            }
            take();
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    /** Closes the body; before its end, the subscription is cancelled and the JDK closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        arrived.add(CLOSED);
    }

    @SuppressWarnings("unchecked")
    private void take() throws IOException {
        Object item;
        try {
            item = arrived.take();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(
                    "interrupted while reading the response body");
            interrupted.initCause(e);
            throw interrupted;
        }
        if (item == END) {
            ended = true;
        } else if (item instanceof Throwable t) {
            ended = true;
            Throwable cause = Failures.unwrap(t);
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        } else if (item != CLOSED) {
            lists = ((List<ByteBuffer>) item).iterator();
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
        }
    }
}
