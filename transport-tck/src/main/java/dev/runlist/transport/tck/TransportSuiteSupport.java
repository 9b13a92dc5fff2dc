package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportRequest;
import dev.runlist.testing.internal.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What the transport suites share: a fresh {@link LoopbackServer} per test, the transports made for
 * it (closed after the test) and the helpers the tests use.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class TransportSuiteSupport {

    /** Substrings of the names of threads that HTTP stacks start; used to spot leaked threads. */
    protected static final List<String> TRANSPORT_THREAD_MARKERS = List.of(
            "runlist", "HttpClient", "httpclient", "I/O dispatcher", "idle-connection-evictor");

    static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    final List<Transport> transports = new ArrayList<>();

    final CountDownLatch testDone = new CountDownLatch(1);

    LoopbackServer server;

    /**
     * Creates the transport under test, configured by {@code config}. Called once or more per test;
     * the suite closes what it gets.
     *
     * @param config the configuration to apply
     * @return a new transport
     */
    protected abstract Transport createTransport(TransportConfig config);

    @BeforeEach
    void startServer() {
        server = new LoopbackServer();
    }

    @AfterEach
    void stopServerAndTransports() {
        testDone.countDown();
        transports.forEach(Transport::close);
        server.close();
    }

    /**
     * {@return a transport made by {@link #createTransport} that the suite closes after the test}
     *
     * @param config the configuration to apply
     */
    protected final Transport transport(TransportConfig config) {
        Transport t = createTransport(config);
        transports.add(t);
        return t;
    }

    /** {@return a transport with the default configuration, closed after the test} */
    protected final Transport transport() {
        return transport(TransportConfig.defaults());
    }

    /**
     * {@return a GET of {@code uri} with no headers}
     *
     * @param uri the absolute URI
     */
    protected static TransportRequest get(URI uri) {
        return TransportRequest.get(uri, Headers.empty());
    }

    /** {@return live threads whose names mark them as started by an HTTP stack} */
    protected static Set<Thread> transportThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(th -> TRANSPORT_THREAD_MARKERS.stream().anyMatch(m -> th.getName().contains(m)))
                .collect(Collectors.toSet());
    }

    void awaitTestEnd() {
        try {
            testDone.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void echoLastSegment(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = path.substring(path.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Writes an endless chunked body, 16 KiB at a time; counts down {@code closed} when a write fails. */
    static void writeSlowly(HttpExchange exchange, CountDownLatch closed) throws IOException {
        byte[] chunk = new byte[16 * 1024];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (System.nanoTime() < deadline) {
                out.write(chunk);
                out.flush();
                Thread.sleep(5);
            }
        } catch (IOException e) {
            closed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void fill(byte[] buf, long offset) {
        for (int i = 0; i < buf.length; i++) {
            long p = offset + i;
            buf[i] = (byte) (p * 31 + (p >>> 11));
        }
    }

    static List<String> splitValues(List<String> values) {
        if (values == null) {
            fail("header missing");
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).collect(Collectors.toList());
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
