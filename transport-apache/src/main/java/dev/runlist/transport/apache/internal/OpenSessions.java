package dev.runlist.transport.apache.internal;

import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOSession;

/**
 * The I/O sessions of an async client this transport owns, by local address, so that aborting an
 * exchange can close its connection itself. Why: cancelling the Apache future is not always enough;
 * HttpCore's {@code ComplexFuture} loses a cancel that lands while the I/O thread installs the
 * exchange's own cancellable, and the connection then stays open. Thread-safe.
 */
public final class OpenSessions {
    private final Map<SocketAddress, IOSession> byLocalAddress = new ConcurrentHashMap<>();

    /** Records {@code session} (an I/O session decorator that changes nothing else) and returns it. */
    public IOSession track(IOSession session) {
        byLocalAddress.values().removeIf(s -> !s.isOpen());
        SocketAddress local = session.getLocalAddress();
        if (local != null) {
            byLocalAddress.put(local, session);
        }
        return session;
    }

    /** Closes at once the connection the exchange of {@code context} runs on, if it is known and open. */
    public void closeConnectionOf(HttpContext context) {
        EndpointDetails endpoint = HttpCoreContext.cast(context).getEndpointDetails();
        if (endpoint == null || endpoint.getLocalAddress() == null) {
            return;
        }
        IOSession session = byLocalAddress.remove(endpoint.getLocalAddress());
        if (session != null) {
            session.close(CloseMode.IMMEDIATE);
        }
    }
}
