package dev.runlist.transport.apache.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Creates the classic client's connections: those of {@link ManagedHttpClientConnectionFactory}, with
 * the same defaults, except that they never log the wire.
 *
 * <p>Why: with {@code org.apache.hc.client5.http.wire} at DEBUG, a {@link DefaultManagedHttpClientConnection}
 * bound to a socket logs every byte sent, the {@code Authorization} and {@code api-key} lines included.
 * The wire cannot be redacted reliably (a header may span writes), so it is not logged at all. Headers
 * are still logged to {@code org.apache.hc.client5.http.headers}, credentials redacted by
 * {@link RedactedHeader}. Connection events ({@code DefaultManagedHttpClientConnection} logger) stay.
 */
final class NoWireLogConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        // The defaults ManagedHttpClientConnectionFactory applies when given no settings.
        NoWireLogConnection connection = new NoWireLogConnection("runlist-outgoing-" + COUNTER.getAndIncrement(),
                Http1Config.DEFAULT);
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** A {@link DefaultManagedHttpClientConnection} bound to plain socket holders, which log nothing. */
    private static final class NoWireLogConnection extends DefaultManagedHttpClientConnection {

        NoWireLogConnection(String id, Http1Config h1Config) {
            super(id, null, null, h1Config,
                    DefaultContentLengthStrategy.INSTANCE, DefaultContentLengthStrategy.INSTANCE,
                    NoResponseOutOfOrderStrategy.INSTANCE,
                    new DefaultHttpRequestWriterFactory(h1Config), new DefaultHttpResponseParserFactory(h1Config));
        }

        // The superclass wraps the socket in a wire-logging holder when the wire logger is on;
        // bind(SocketHolder) does all the rest (closed check, socket timeout to restore on reuse).

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }
    }
}
