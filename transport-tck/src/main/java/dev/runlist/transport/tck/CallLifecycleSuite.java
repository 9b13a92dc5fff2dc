package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static dev.runlist.transport.tck.CallLifecycleSuite.ScriptedServer.DRIP_BODY;
import static dev.runlist.transport.tck.CallLifecycleSuite.ScriptedServer.DRIP_HEADERS;
import static dev.runlist.transport.tck.CallLifecycleSuite.ScriptedServer.RETRY_LATER;
import static dev.runlist.transport.tck.CallLifecycleSuite.ScriptedServer.SILENT;

import dev.runlist.RunPage;
import dev.runlist.RunsClient;
import dev.runlist.errors.ClientClosedException;
import dev.runlist.errors.RunlistException;
import dev.runlist.errors.RunlistTimeoutException;
import dev.runlist.model.Run;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call of a client on the transport ends on time, whatever the server does: the overall timeout
 * is one deadline for the whole call, and {@code close()}, cancelling a future or a subscription, and
 * interrupting a blocked thread each end a call in any phase, closing its connection.
 *
 * <p>The servers are raw loopback sockets scripted per test (silent, dripping header bytes, a slow or
 * endless body, a long {@code Retry-After}), which see the client hang up. Tests wait on those events,
 * not on the clock; the ones that measure a deadline allow {@link #LATE} beyond it, a margin that
 * holds on a busy 2-core machine, and print how late the call really ended.
 *
 * <p>A transport subscribes by extending this class and implementing {@link #createTransport}.
 */
public abstract class CallLifecycleSuite extends ClientSuiteSupport {

    /**
     * How long after its deadline (or after close, cancel, interrupt) a call may end here. The promise
     * is 10% or 250 ms, and unloaded the calls end within a few ms of it (each test prints how late);
     * this margin is wider so that it holds with both cores of a 2-core machine busy elsewhere.
     */
    static final Duration LATE = Duration.ofMillis(2000);

    private static final Duration DEADLINE = Duration.ofMillis(1500);

    private ScriptedServer server;

    /** For subclasses, which JUnit instantiates once per test. */
    protected CallLifecycleSuite() {}

    private void checkHangUps(int n, String what) throws InterruptedException {
        assertThat(server.awaitHangUps(n)).as(what).isTrue();
    }

    // ---- the deadline ----------------------------------------------------------------------------------

    /** A server dripping one header byte every 100 ms cannot hold a blocking call past its deadline. */
    @Test
    void deadlineEndsABlockingCallWhileHeaderBytesDrip() throws Exception {
        RunsClient client = client(DEADLINE, config());
        checkTimesOut(() -> client.list(DRIP_HEADERS), "header bytes dripping");
        checkHangUps(1, "the server saw the connection closed");
    }

    /** A server dripping header lines cannot hold an async call past its deadline. */
    @Test
    void deadlineEndsAnAsyncCallWhileHeaderLinesDrip() throws Exception {
        RunsClient client = client(DEADLINE, config());
        checkTimesOut(() -> join(client.listAsync(DRIP_HEADERS)), "header lines dripping, async");
        checkHangUps(1, "the server saw the connection closed");
    }

    /** A body dripping one byte every 100 ms cannot hold a call past its deadline. */
    @Test
    void deadlineEndsACallWhileTheBodyDrips() throws Exception {
        RunsClient client = client(DEADLINE, config());
        checkTimesOut(() -> client.list(DRIP_BODY), "body dripping");
        checkHangUps(1, "the server saw the connection closed");
    }

    /** A server that accepts no connection holds no call past its deadline, whatever the connect timeout. */
    @Test
    void deadlineEndsACallWhoseConnectNeverCompletes() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Fill the accept queue so that the kernel drops further connection attempts.
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        queued.add(s);
                    } catch (IOException dropped) {
                        s.close();
                        break;
                    }
                }
                TransportConfig slowConnect = TransportConfig.builder().connectTimeout(Duration.ofSeconds(30))
                        .readTimeout(Duration.ofSeconds(30)).build();
                RunsClient client = client("http://127.0.0.1:" + full.getLocalPort() + "/v1", DEADLINE,
                        transport(slowConnect));
                checkTimesOut(() -> client.list(SILENT), "connect never completing");
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    /** A call waiting for a pooled connection, all held by slow calls, ends at its deadline. */
    @Test
    void deadlineEndsACallWaitingForAPooledConnection() throws Exception {
        TransportConfig onePerRoute = TransportConfig.builder().maxConnections(1)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)).build();
        Transport t = transport(onePerRoute);
        RunsClient holder = client(server.baseUrl(), Duration.ofSeconds(30), t);
        RunsClient waiter = client(server.baseUrl(), DEADLINE, t);
        CompletableFuture<RunPage> holding = holder.listAsync(SILENT);
        assertThat(server.awaitRequests(SILENT, 1)).as("the first call holds the connection").isTrue();
        checkTimesOut(() -> waiter.list(SILENT), "waiting for a pooled connection");
        holding.cancel(true);
    }

    // ---- close() -----------------------------------------------------------------------------------------

    /**
     * close() returns within a second and ends every running call with a ClientClosedException: blocking
     * and async calls waiting for headers, one mid-body, one waiting out a 30 s Retry-After; every
     * connection in use is closed.
     */
    @Test
    void closeEndsEveryRunningCall() throws Exception {
        RunsClient client = client(server.baseUrl(), Duration.ofSeconds(60), transport(config()));
        AtomicReference<Throwable> blockingFailure = new AtomicReference<>();
        CountDownLatch blockingEnded = new CountDownLatch(1);
        Thread blocking = new Thread(() -> {
            try {
                client.list(SILENT);
            } catch (Throwable t) {
                blockingFailure.set(t);
            } finally {
                blockingEnded.countDown();
            }
        }, "lifecycle-blocking-call");
        blocking.setDaemon(true);
        blocking.start();
        CompletableFuture<RunPage> asyncSilent = client.listAsync(SILENT);
        CompletableFuture<RunPage> midBody = client.listAsync(DRIP_BODY);
        CompletableFuture<RunPage> waitingToRetry = client.listAsync(RETRY_LATER);
        assertThat(server.awaitRequests(SILENT, 2)).as("both calls reached the silent server").isTrue();
        assertThat(server.awaitBodyStarted()).as("the body started").isTrue();
        assertThat(server.awaitRequests(RETRY_LATER, 1)).as("the first attempt was answered 503").isTrue();

        long start = System.nanoTime();
        client.close();
        Duration closing = since(start);
        assertThat(closing).as("close() returned").isLessThan(LATE);

        assertThat(blockingEnded.await(LATE.toMillis(), TimeUnit.MILLISECONDS)).as("the blocking call ended").isTrue();
        assertThat(blockingFailure.get()).isInstanceOf(ClientClosedException.class).hasMessageContaining("closed");
        for (CompletableFuture<RunPage> f : List.of(asyncSilent, midBody, waitingToRetry)) {
            assertThat(f).failsWithin(LATE).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(ClientClosedException.class);
        }
        Duration ended = since(start);
        // The 503's connection went back to the pool, open: only the 3 exchanges in flight are aborted.
        checkHangUps(3, "the server saw the 3 connections in use closed");
        assertThat(server.requests(RETRY_LATER)).as("no retry after close").isEqualTo(1);
        System.out.println("close [" + transportName(lastTransport) + "]: returned in " + closing.toMillis()
                + " ms, 4 calls ended within " + ended.toMillis() + " ms");
    }

    /**
     * A closed client refuses new calls with the same ClientClosedException: list() throws it, listAsync
     * fails its future, and a subscription's request() does not throw but signals onError.
     */
    @Test
    void closedClientRefusesCallsWithClientClosedException() throws Exception {
        RunsClient client = client(server.baseUrl(), Duration.ofSeconds(10), transport(config()));
        client.close();
        assertThatThrownBy(() -> client.list(SILENT)).isInstanceOf(ClientClosedException.class);
        assertThat(client.listAsync(SILENT)).failsWithin(LATE).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(ClientClosedException.class);
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        client.listAllAsync(SILENT).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                try {
                    s.request(10);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }

            @Override
            public void onNext(Run item) {}

            @Override
            public void onError(Throwable t) {
                error.set(t);
                ended.countDown();
            }

            @Override
            public void onComplete() {
                ended.countDown();
            }
        });
        assertThat(ended.await(5, TimeUnit.SECONDS)).as("the subscription ended").isTrue();
        assertThat(thrown.get()).as("thrown by request()").isNull();
        assertThat(error.get()).isInstanceOf(ClientClosedException.class);
        assertThat(server.requests(SILENT)).isZero();
    }

    // ---- cancel -----------------------------------------------------------------------------------------

    /** Cancelling listAsync while the headers are awaited closes the connection. */
    @Test
    void cancellingAFutureWaitingForHeadersClosesTheConnection() throws Exception {
        RunsClient client = client(Duration.ofSeconds(30), config());
        CompletableFuture<RunPage> f = client.listAsync(SILENT);
        assertThat(server.awaitRequests(SILENT, 1)).isTrue();
        assertThat(f.cancel(true)).isTrue();
        checkHangUps(1, "the server saw the connection closed");
    }

    /** Cancelling listAsync once the body streams in stops reading it and closes the connection. */
    @Test
    void cancellingAFutureMidBodyClosesTheConnection() throws Exception {
        RunsClient client = client(Duration.ofSeconds(30), config());
        CompletableFuture<RunPage> f = client.listAsync(DRIP_BODY);
        assertThat(server.awaitBodyStarted()).isTrue();
        assertThat(f.cancel(true)).isTrue();
        checkHangUps(1, "the server saw the connection closed");
    }

    /** Cancelling a listAllAsync subscription mid-body closes the connection, with no signal after it. */
    @Test
    void cancellingASubscriptionMidBodyClosesTheConnection() throws Exception {
        RunsClient client = client(Duration.ofSeconds(30), config());
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        AtomicInteger signals = new AtomicInteger();
        client.listAllAsync(DRIP_BODY).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Run item) {
                signals.incrementAndGet();
            }

            @Override
            public void onError(Throwable t) {
                signals.incrementAndGet();
            }

            @Override
            public void onComplete() {
                signals.incrementAndGet();
            }
        });
        assertThat(server.awaitBodyStarted()).isTrue();
        subscription.get().cancel();
        checkHangUps(1, "the server saw the connection closed");
        assertThat(signals).as("signals after cancel").hasValue(0);
    }

    // ---- interrupt --------------------------------------------------------------------------------------

    /** Interrupting a thread blocked waiting for headers ends its call, the interrupt flag still set. */
    @Test
    void interruptEndsABlockingCallWaitingForHeaders() throws Exception {
        checkInterrupt(SILENT, () -> server.awaitRequests(SILENT, 1));
    }

    /** Interrupting a thread blocked reading a slow body ends its call, the interrupt flag still set. */
    @Test
    void interruptEndsABlockingCallReadingTheBody() throws Exception {
        checkInterrupt(DRIP_BODY, server::awaitBodyStarted);
    }

    /** Interrupting a thread waiting out a 30 s Retry-After ends its call at once, with no retry. */
    @Test
    void interruptEndsACallWaitingToRetry() throws Exception {
        checkInterrupt(RETRY_LATER, () -> server.awaitRequests(RETRY_LATER, 1));
        assertThat(server.requests(RETRY_LATER)).as("no retry after the interrupt").isEqualTo(1);
    }

    private void checkInterrupt(String thread, Waiter reached) throws Exception {
        RunsClient client = client(Duration.ofSeconds(60), config());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean flagSet = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                client.list(thread);
            } catch (Throwable t) {
                failure.set(t);
                flagSet.set(Thread.currentThread().isInterrupted());
            } finally {
                ended.countDown();
            }
        }, "lifecycle-interrupted-call");
        caller.setDaemon(true);
        caller.start();
        assertThat(reached.await()).as("the call reached the phase to interrupt").isTrue();
        // The call may still be on its way from the server's answer to its wait: that must work too.
        long start = System.nanoTime();
        caller.interrupt();
        assertThat(ended.await(LATE.toMillis(), TimeUnit.MILLISECONDS)).as("the interrupted call ended").isTrue();
        Duration took = since(start);
        assertThat(failure.get()).isInstanceOf(RunlistException.class);
        assertThat(causes(failure.get())).as("causes")
                .anySatisfy(c -> assertThat(c).isInstanceOfAny(InterruptedException.class, InterruptedIOException.class));
        assertThat(flagSet).as("the interrupt flag is still set").isTrue();
        if (!thread.equals(RETRY_LATER)) { // a call waiting to retry has no exchange in flight
            checkHangUps(1, "the server saw the connection closed");
        }
        System.out.println("interrupt [" + transportName(lastTransport) + "], " + thread + ": ended in "
                + took.toMillis() + " ms");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    @BeforeEach
    void startServer() throws IOException {
        server = closeLater(new ScriptedServer());
    }

    /** Runs {@code call}, expecting a timeout at {@link #DEADLINE}, no earlier and at most {@link #LATE} after. */
    private void checkTimesOut(ThrowingCall call, String what) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(call::run);
        Duration took = since(start);
        assertThat(thrown).isInstanceOf(RunlistTimeoutException.class);
        RunlistTimeoutException timeout = (RunlistTimeoutException) thrown;
        assertThat(timeout.timeout()).isEqualTo(DEADLINE);
        assertThat(timeout.elapsed()).isGreaterThanOrEqualTo(DEADLINE).isLessThanOrEqualTo(took);
        assertThat(timeout.getMessage()).contains("timed out after " + timeout.elapsed().toMillis() + " ms");
        assertThat(took).as("time to end the call (deadline " + DEADLINE.toMillis() + " ms)")
                .isLessThan(DEADLINE.plus(LATE));
        System.out.println("deadline [" + transportName(lastTransport) + "], " + what + ": ended after "
                + took.toMillis() + " ms, " + took.minus(DEADLINE).toMillis() + " ms past the deadline");
    }

    private static RunPage join(CompletableFuture<RunPage> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private RunsClient client(Duration timeout, TransportConfig config) {
        return client(server.baseUrl(), timeout, transport(config));
    }

    private RunsClient client(String url, Duration timeout, Transport t) {
        return closeLater(RunsClient.builder().apiKey("sk-test").baseUrl(url).transport(t)
                .maxRetries(2).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(10)).timeout(timeout).build());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Exception;
    }

    @FunctionalInterface
    private interface Waiter {
        boolean await() throws InterruptedException;
    }

    /**
     * A raw loopback HTTP server that answers each request as the thread id in its path says
     * ({@link #SILENT}, {@link #DRIP_HEADERS}, {@link #DRIP_BODY}, {@link #RETRY_LATER}), and notes each
     * request, each body started and each time a client hangs up on an exchange in flight (a read
     * returns end of stream, or a write fails). A connection whose answer is complete (the 503) stays
     * open for the next request, as a real server's would, so a pooling client may reuse it.
     */
    static final class ScriptedServer implements AutoCloseable {
        /** Reads nothing more and answers nothing: waits for the client to hang up. */
        static final String SILENT = "thread_silent";
        /** Sends the status line and headers one byte every 100 ms, forever. */
        static final String DRIP_HEADERS = "thread_drip_headers";
        /** Sends the headers, then the start of a page and one space every 100 ms, forever. */
        static final String DRIP_BODY = "thread_drip_body";
        /** Answers 503 with {@code Retry-After: 30}, then waits for the client to hang up. */
        static final String RETRY_LATER = "thread_retry_later";

        private static final byte[] PAGE_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        private final ServerSocket socket;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final ConcurrentHashMap<String, Semaphore> arrivals = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final Semaphore bodiesStarted = new Semaphore(0);
        private final Semaphore hangUps = new Semaphore(0);
        private volatile boolean closed;

        ScriptedServer() throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "lifecycle-server-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }

        /** Requests received for {@code thread} so far. */
        int requests(String thread) {
            return counts.computeIfAbsent(thread, k -> new AtomicInteger()).get();
        }

        /** Waits up to 10 s for {@code n} more requests for {@code thread}. */
        boolean awaitRequests(String thread, int n) throws InterruptedException {
            return arrivals.computeIfAbsent(thread, k -> new Semaphore(0)).tryAcquire(n, 10, TimeUnit.SECONDS);
        }

        /** Waits up to 10 s for one more {@link #DRIP_BODY} body to start. */
        boolean awaitBodyStarted() throws InterruptedException {
            return bodiesStarted.tryAcquire(10, TimeUnit.SECONDS);
        }

        /** Waits up to 10 s for clients to hang up on {@code n} more connections. */
        boolean awaitHangUps(int n) throws InterruptedException {
            return hangUps.tryAcquire(n, 10, TimeUnit.SECONDS);
        }

        /**
         * Answers one request as {@code thread} says; true when the connection stays open for the next
         * request (the client may pool it and send any other request on it).
         */
        private boolean serve(String thread, InputStream in, OutputStream out) throws IOException, InterruptedException {
            switch (thread) {
                case DRIP_HEADERS -> {
                    for (byte b : "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII)) {
                        drip(out, b);
                    }
                    for (int i = 0; ; i++) {
                        for (byte b : ("X-Drip-" + i + ": x\r\n").getBytes(StandardCharsets.US_ASCII)) {
                            drip(out, b);
                        }
                    }
                }
                case DRIP_BODY -> {
                    out.write(PAGE_HEAD);
                    chunk(out, "{\"object\":\"list\",\"data\":[");
                    bodiesStarted.release();
                    while (true) {
                        chunk(out, " ");
                        Thread.sleep(100);
                    }
                }
                case RETRY_LATER -> {
                    out.write(("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return true;
                }
                default -> awaitEndOfStream(in);
            }
            return false;
        }

        private static void drip(OutputStream out, byte b) throws IOException, InterruptedException {
            out.write(b);
            out.flush();
            Thread.sleep(100);
        }

        private static void awaitEndOfStream(InputStream in) throws IOException {
            while (in.read() != -1) {
                // Discards anything else the client sends until it hangs up.
            }
            throw new SocketException("the client closed the connection");
        }

        private static void chunk(OutputStream out, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private void accept() {
            while (!closed) {
                Socket s;
                try {
                    s = socket.accept();
                } catch (IOException e) {
                    return;
                }
                open.add(s);
                Thread t = new Thread(() -> serve(s), "lifecycle-connection-" + s.getPort());
                t.setDaemon(true);
                t.start();
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                boolean keepAlive = true;
                while (keepAlive) {
                    String requestLine = readHead(in);
                    if (requestLine == null) {
                        return; // an idle connection closed: no exchange was in flight on it
                    }
                    String path = requestLine.split(" ")[1];
                    String thread = path.replaceAll(".*/threads/([^/?]+)/runs.*", "$1");
                    counts.computeIfAbsent(thread, k -> new AtomicInteger()).incrementAndGet();
                    arrivals.computeIfAbsent(thread, k -> new Semaphore(0)).release();
                    keepAlive = serve(thread, in, s.getOutputStream());
                }
            } catch (IOException e) {
                if (!closed) {
                    hangUps.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open.remove(s);
            }
        }

        /** Reads a request head; its first line, or null at end of stream before its end. */
        private static String readHead(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            String first = null;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    String text = line.toString().trim();
                    if (text.isEmpty()) {
                        return first;
                    }
                    if (first == null) {
                        first = text;
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
