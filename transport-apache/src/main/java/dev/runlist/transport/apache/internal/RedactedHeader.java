package dev.runlist.transport.apache.internal;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A credentials header (see {@link dev.runlist.spi.Headers#isSensitive}) that is sent as is but prints
 * as {@code Name: <redacted>}.
 *
 * <p>Why: HttpClient logs request headers to {@code org.apache.hc.client5.http.headers} by their
 * {@code toString()} (classic connections and the async HTTP/1.1 stream listener alike), while the
 * message writers use {@link #getName()} and {@link #getValue()}. Marked sensitive as well, so that
 * HTTP/2 never indexes it.
 */
final class RedactedHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    RedactedHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": <redacted>";
    }
}
