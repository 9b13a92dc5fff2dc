package dev.runlist.transport.apache.internal;

import dev.runlist.spi.Headers;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.message.BasicHeader;

/** Copies headers between runlist and Apache messages, every value of every name kept in order. */
public final class HeaderMapping {

    private HeaderMapping() {}

    /** The headers of an Apache message as runlist {@link Headers}. */
    public static Headers fromApache(Header[] headers) {
        Headers.Builder b = Headers.builder();
        for (Header h : headers) {
            b.add(h.getName(), h.getValue());
        }
        return b.build();
    }

    /**
     * Adds every value of {@code headers} to {@code message}; credentials headers as {@link RedactedHeader}s,
     * so that HttpClient's header logging does not print them.
     */
    public static void toApache(Headers headers, HttpMessage message) {
        headers.toMap().forEach((name, values) -> values.forEach(v -> message.addHeader(
                Headers.isSensitive(name) ? new RedactedHeader(name, v) : new BasicHeader(name, v))));
    }
}
