package dev.runlist.transport.apache.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * The body of a classic response. Closing it after the end returns the connection to the pool;
 * closing it earlier aborts the exchange and discards the connection, because Apache would
 * otherwise read the rest of the body (possibly endless) to keep the connection.
 */
public final class ClassicBody extends FilterInputStream {
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private boolean ended;
    private boolean closed;

    /** Wraps the entity stream {@code in} of {@code response} to {@code request}. */
    public ClassicBody(InputStream in, HttpUriRequestBase request, ClassicHttpResponse response) {
        super(in);
        this.request = request;
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            ended |= b == -1;
            return b;
        } catch (IOException e) {
            throw Failures.wrap(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            ended |= n == -1;
            return n;
        } catch (IOException e) {
            throw Failures.wrap(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ended) {
            request.cancel();
        }
        Failures.closeQuietly(response);
    }
}
