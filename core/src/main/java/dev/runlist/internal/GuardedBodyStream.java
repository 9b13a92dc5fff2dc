package dev.runlist.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The transport's body stream as the decoder reads it. It remembers the first {@link IOException}
 * the transport threw, so a body cut off by the network (worth retrying) can be told from a malformed
 * one (not worth it); and it fails a read once the call's deadline has passed, so a body that drips
 * in slowly enough to dodge the read timeout is still bounded by the overall timeout. Not thread-safe.
 */
final class GuardedBodyStream extends FilterInputStream {

    /** {@link System#nanoTime()} after which reads fail; meaningful only when {@code bounded}. */
    private final long deadlineNanos;
    private final boolean bounded;
    private @Nullable IOException failure;

    GuardedBodyStream(InputStream in, boolean bounded, long deadlineNanos) {
        super(in);
        this.bounded = bounded;
        this.deadlineNanos = deadlineNanos;
    }

    /** The first failure seen, or null. */
    @Nullable IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        checkDeadline();
        try {
            return super.read();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkDeadline();
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private void checkDeadline() throws IOException {
        if (bounded && System.nanoTime() - deadlineNanos >= 0) {
            throw remember(new IOException("the overall timeout ran out while the response body was being read"));
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
