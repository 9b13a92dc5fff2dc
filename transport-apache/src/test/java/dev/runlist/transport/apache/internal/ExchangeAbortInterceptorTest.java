package dev.runlist.transport.apache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.spi.TransportConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An aborted exchange's connection is discarded even when the cancel of its Apache future is lost (as
 * HttpCore can lose one): here the future is never cancelled at all, so only the interceptor acts.
 */
class ExchangeAbortInterceptorTest {

    private final HttpClientContext context = HttpClientContext.create();
    private final ExchangeAbort abort = ExchangeAbort.attachTo(context);
    private ServerSocket server;
    private CloseableHttpAsyncClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        client = ApacheClients.async(TransportConfig.defaults());
        client.start();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void anExchangeAbortedBeforeItHasAConnectionDiscardsItAsSoonAsItGetsOne() throws Exception {
        abort.abort();
        Future<SimpleHttpResponse> f = execute();
        try (Socket connection = accept()) {
            assertThat(readHead(connection.getInputStream())).as("request bytes the server got").isEmpty();
        }
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("aborted");
    }

    @Test
    void anExchangeAbortedWhileAwaitingItsHeadersHasItsConnectionClosed() throws Exception {
        Future<SimpleHttpResponse> f = execute();
        try (Socket connection = accept()) {
            InputStream in = connection.getInputStream();
            assertThat(readHead(in)).startsWith("GET /threads/thread_1/runs ");
            abort.abort();
            assertThat(readHead(in)).as("what the client sent after the abort, until it closed").isEmpty();
        }
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    /** Sends a GET on the client, with the context that carries {@link #abort}; its future is never cancelled. */
    private Future<SimpleHttpResponse> execute() {
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/threads/thread_1/runs");
        return client.execute(SimpleRequestProducer.create(SimpleHttpRequest.create("GET", uri)),
                SimpleResponseConsumer.create(), context, null);
    }

    private Socket accept() throws IOException {
        server.setSoTimeout(10_000);
        Socket s = server.accept();
        s.setSoTimeout(10_000); // a connection left open fails the read instead of hanging the test
        return s;
    }

    /** Reads up to the end of a request head or of the stream; what was read, "" at once at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        try {
            while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1) {
                head.append((char) b);
            }
        } catch (SocketException reset) {
            // The client closed the connection at once (RST): it sent nothing more.
        }
        return head.toString();
    }
}
