package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every exchange of a {@link Transport} ends when the caller is done with it: cancelling an async
 * request, or closing a response mid-body, closes the connection promptly; a body closed early
 * releases its pooled connection; {@code close()} leaves no thread running and no connection open.
 *
 * <p>A transport subscribes by extending this class and implementing {@link #createTransport}; a
 * test it cannot pass may be overridden in the subclass with a comment saying why. Each test gets a
 * fresh server; transports made through {@link #transport(TransportConfig)} are closed after it.
 * Tests run one at a time and each takes at most 60 seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ExchangeAbortSuite extends TransportSuiteSupport {

    /** For subclasses, which JUnit instantiates once per test. */
    protected ExchangeAbortSuite() {}

    /** Cancelling an async request before its response arrives makes the server see the connection closed. */
    @Test
    void cancellingAsyncRequestAbortsTheExchange() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch serverSawClose = new CountDownLatch(1);
        server.handle(exchange -> {
            arrived.countDown();
            try {
                cancelled.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            writeSlowly(exchange, serverSawClose);
        });
        Transport t = transport();
        CompletableFuture<TransportResponse> f = t.executeAsync(get(server.uri("/slow")));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).as("request arrived").isTrue();
        assertThat(f.cancel(true)).isTrue();
        cancelled.countDown();
        assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).as("server saw the connection closed").isTrue();
    }

    /** Closing a response in the middle of an endless body returns promptly and closes the connection. */
    @Test
    void closingResponseMidBodyAbortsTheExchange() throws Exception {
        checkClosingMidBodyAborts(false);
    }

    /** Closing an async response in the middle of an endless body returns promptly and closes the connection. */
    @Test
    void closingAsyncResponseMidBodyAbortsTheExchange() throws Exception {
        checkClosingMidBodyAborts(true);
    }

    private void checkClosingMidBodyAborts(boolean async) throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        server.handle(exchange -> writeSlowly(exchange, serverSawClose));
        Transport t = transport();
        TransportRequest request = get(server.uri("/endless"));
        TransportResponse r = async ? t.executeAsync(request).get(10, TimeUnit.SECONDS) : t.execute(request);
        assertThat(r.body().readNBytes(1000)).hasSize(1000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), r::close, "close() drained the endless body");
        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).as("server saw the connection closed").isTrue();
    }

    /** Closing a body after one byte releases its connection: 100 such requests pass through a pool of 2. */
    @Test
    void bodyClosedEarlyReleasesTheConnection() {
        byte[] body = new byte[256 * 1024];
        Arrays.fill(body, (byte) 'x');
        server.handle(exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try {
                exchange.getResponseBody().write(body);
            } catch (IOException clientClosedEarly) {
                // Expected: the client read one byte and hung up.
            }
        });
        Transport t = transport(TransportConfig.builder().maxConnections(2).readTimeout(Duration.ofSeconds(10)).build());
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            for (int i = 0; i < 100; i++) {
                try (TransportResponse r = t.execute(get(server.uri("/one-byte/" + i)))) {
                    assertThat(r.body().read()).isEqualTo('x');
                }
            }
        });
    }

    /** close() leaves no transport threads running and no connection open on the server. */
    @Test
    void closeReleasesThreadsAndConnections() throws Exception {
        Set<Thread> before = transportThreads();
        try (CountingServer raw = CountingServer.keepAlive()) {
            Transport t = createTransport(TransportConfig.defaults());
            for (int i = 0; i < 3; i++) {
                try (TransportResponse r = t.execute(get(raw.uri("/sync/" + i)))) {
                    assertThat(r.body().readAllBytes()).hasSize(2);
                }
            }
            List<CompletableFuture<TransportResponse>> async = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                async.add(t.executeAsync(get(raw.uri("/async/" + i))));
            }
            for (CompletableFuture<TransportResponse> f : async) {
                try (TransportResponse r = f.get(10, TimeUnit.SECONDS)) {
                    assertThat(r.body().readAllBytes()).hasSize(2);
                }
            }
            assertThat(raw.acceptedConnections()).isPositive();
            t.close();
            t = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            Set<Thread> leaked;
            do {
                // The JDK client's selector thread ends only once the client is unreachable.
                System.gc();
                Thread.sleep(100);
                leaked = transportThreads();
                leaked.removeAll(before);
            } while ((!leaked.isEmpty() || raw.openConnections() > 0) && System.nanoTime() < deadline);
            assertThat(leaked.stream().map(Thread::getName).collect(Collectors.toList()))
                    .as("threads left running after close()").isEmpty();
            assertThat(raw.openConnections()).as("connections left open after close()").isZero();
        }
    }
}
