package dev.runlist.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers the first {@link IOException} the wrapped transport stream threw, so that a body cut
 * off by the network (worth retrying) can be told from a body that is malformed (not worth it).
 * Not thread-safe; used by one reader.
 */
final class FailureTrackingInputStream extends FilterInputStream {

    private IOException failure;

    FailureTrackingInputStream(InputStream in) {
        super(in);
    }

    /** The first failure seen, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
