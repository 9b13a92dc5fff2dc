package dev.runlist;

import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A transport that answers from a script, in order, and records every request. It fails the test
 * (with an AssertionError) when asked for more answers than scripted, instead of repeating any.
 */
final class ScriptedTransport implements Transport {

    private final Deque<Function<TransportRequest, Object>> script = new ArrayDeque<>();
    private final List<TransportRequest> requests = new ArrayList<>();
    final List<CompletableFuture<TransportResponse>> hanging = new ArrayList<>();
    /** Released once per exchange that hangs, and once more when one of them is cancelled. */
    final java.util.concurrent.Semaphore hung = new java.util.concurrent.Semaphore(0);
    final java.util.concurrent.Semaphore hangCancelled = new java.util.concurrent.Semaphore(0);
    volatile boolean closed;

    synchronized ScriptedTransport respond(int status, String body, String... headerPairs) {
        return respond(status, body.getBytes(StandardCharsets.UTF_8), headerPairs);
    }

    synchronized ScriptedTransport respond(int status, byte[] body, String... headerPairs) {
        Headers.Builder h = Headers.builder();
        for (int i = 0; i < headerPairs.length; i += 2) {
            h.add(headerPairs[i], headerPairs[i + 1]);
        }
        Headers headers = h.build();
        script.add(request -> new TransportResponse(status, headers, new ByteArrayInputStream(body)));
        return this;
    }

    /** A 200 whose body stream fails with an IOException after {@code prefix}. */
    synchronized ScriptedTransport respondCutOff(String prefix) {
        byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
        script.add(request -> new TransportResponse(200, Headers.empty(), new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                if (pos < bytes.length) {
                    return bytes[pos++] & 0xFF;
                }
                throw new IOException("connection reset by peer");
            }
        }));
        return this;
    }

    synchronized ScriptedTransport fail(IOException e) {
        script.add(request -> e);
        return this;
    }

    /** An exchange that never answers (async only); its future is kept in {@link #hanging}. */
    synchronized ScriptedTransport hang() {
        script.add(request -> {
            CompletableFuture<TransportResponse> f = new CompletableFuture<>();
            f.whenComplete((r, e) -> {
                if (f.isCancelled()) {
                    hangCancelled.release();
                }
            });
            hanging.add(f);
            hung.release();
            return f;
        });
        return this;
    }

    synchronized ScriptedTransport answer(Function<TransportRequest, Object> answer) {
        script.add(answer);
        return this;
    }

    synchronized List<TransportRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized int remaining() {
        return script.size();
    }

    private synchronized Object next(TransportRequest request) {
        requests.add(request);
        Function<TransportRequest, Object> answer = script.poll();
        if (answer == null) {
            throw new AssertionError("unscripted request #" + requests.size() + ": " + request);
        }
        return answer.apply(request);
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        Object answer = next(request);
        if (answer instanceof IOException e) {
            throw e;
        }
        if (answer instanceof CompletableFuture<?>) {
            throw new AssertionError("hang() is for async requests");
        }
        return (TransportResponse) answer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
        Object answer;
        try {
            answer = next(request);
        } catch (AssertionError e) {
            return CompletableFuture.failedFuture(e);
        }
        if (answer instanceof IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (answer instanceof CompletableFuture<?> f) {
            return (CompletableFuture<TransportResponse>) f;
        }
        return CompletableFuture.completedFuture((TransportResponse) answer);
    }

    @Override
    public void close() {
        closed = true;
    }
}
