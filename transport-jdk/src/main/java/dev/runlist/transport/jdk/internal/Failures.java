package dev.runlist.transport.jdk.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns the JDK client's failures into IOExceptions of the same kind that say what failed (the client names the request). */
public final class Failures {

    private Failures() {}

    /** An IOException of the same kind as {@code cause}, with a message even when the JDK gave none. */
    public static IOException wrap(Throwable cause) {
        String message = describeCause(cause);
        IOException wrapped;
        if (cause instanceof HttpConnectTimeoutException) {
            wrapped = new HttpConnectTimeoutException(message);
        } else if (cause instanceof HttpTimeoutException) {
            wrapped = new HttpTimeoutException(message);
        } else if (cause instanceof ConnectException) {
            wrapped = new ConnectException(message);
        } else if (cause instanceof InterruptedIOException) {
            wrapped = new InterruptedIOException(message);
        } else {
            wrapped = new IOException(message);
        }
        wrapped.initCause(cause);
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

    private static String describeCause(Throwable cause) {
        // The JDK's ConnectException often has a null message; say what it was.
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return cause instanceof ConnectException ? "Connection refused" : cause.getClass().getSimpleName();
        }
        return m;
    }
}
