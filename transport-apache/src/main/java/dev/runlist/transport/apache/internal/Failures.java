package dev.runlist.transport.apache.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns Apache HttpClient's failures into IOExceptions of the same kind (the client names the request). */
public final class Failures {

    private Failures() {}

    /**
     * An IOException of the same kind as {@code cause} (timeout, refused connection, interruption),
     * thrown from the caller's thread, with a message even when Apache gave none; {@code cause} is kept.
     */
    public static IOException wrap(Throwable cause) {
        Throwable c = unwrap(cause);
        String message = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        IOException wrapped;
        if (c instanceof SocketTimeoutException) {
            wrapped = new SocketTimeoutException(message);
        } else if (c instanceof ConnectException) {
            wrapped = new ConnectException(message);
        } else if (c instanceof InterruptedIOException) {
            wrapped = new InterruptedIOException(message);
        } else {
            wrapped = new IOException(message);
        }
        wrapped.initCause(c);
        return wrapped;
    }

    /** The failure inside a CompletionException or ExecutionException. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** Closes {@code c}, ignoring a failure to do so. */
    public static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // Best effort: the exchange is being abandoned anyway.
        }
    }
}
