package dev.runlist.internal;

import dev.runlist.spi.TransportRequest;
import java.net.URI;

/**
 * How runlist names a request in its failure messages, {@code "GET https://host:443/v1/threads/t/runs"}:
 * method, scheme, host, port (the default one filled in) and path, without the query. Core puts it
 * at the head of every failure of an exchange (connection errors, timeouts, interrupts, cancels, a
 * closed client), so a transport's own messages need not name the host. Stateless.
 */
public final class RequestTarget {

    private RequestTarget() {}

    /**
     * The target of {@code request}.
     *
     * @param request the request
     * @return its method and URI without the query
     */
    public static String of(TransportRequest request) {
        URI uri = request.uri();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return request.method() + " " + uri.getScheme() + "://" + uri.getHost() + ":" + port + path;
    }
}
