package dev.runlist.internal;

import dev.runlist.RunsListener;
import dev.runlist.RunsListener.AttemptEnded;
import dev.runlist.RunsListener.AttemptStarted;
import dev.runlist.RunsListener.DelaySource;
import dev.runlist.RunsListener.Ending;
import dev.runlist.RunsListener.ListingEnded;
import dev.runlist.RunsListener.PageDelivered;
import dev.runlist.RunsListener.RetryReason;
import dev.runlist.RunsListener.RetryScheduled;
import dev.runlist.errors.ApiException;
import dev.runlist.errors.ClientClosedException;
import dev.runlist.errors.RunlistException;
import dev.runlist.errors.RunlistTimeoutException;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the client reports to its {@link RunsListener}s: builds each event from what the
 * client has at hand (credentials redacted through {@link Redaction}), and calls every listener,
 * logging and dropping what a listener throws so that it never changes a call. With no listener
 * registered every method returns at once. Thread-safe.
 */
public final class ListenerEvents {

    private static final Logger LOG = LoggerFactory.getLogger("dev.runlist.listener");
    private static final ListenerEvents NONE = new ListenerEvents(List.of(), UnaryOperator.identity());

    private final List<Guarded> listeners;
    private final UnaryOperator<String> redactor;

    /**
     * Reports to {@code listeners}, in order.
     *
     * @param redactor removes every secret from a text (such as {@code Authenticator::redact})
     */
    public ListenerEvents(List<RunsListener> listeners, UnaryOperator<String> redactor) {
        List<Guarded> guarded = new ArrayList<>(listeners.size());
        listeners.forEach(l -> guarded.add(new Guarded(l)));
        this.listeners = List.copyOf(guarded);
        this.redactor = redactor;
    }

    /** Reports to nobody. */
    public static ListenerEvents none() {
        return NONE;
    }

    /** An attempt of {@code request}, number {@code attempt}, is about to be sent. */
    public void attemptStarted(TransportRequest request, int attempt) {
        if (!listeners.isEmpty()) {
            AttemptStarted event = new AttemptStarted(request.method(), url(request), attempt);
            emit(event, l -> l.attemptStarted(event));
        }
    }

    /** {@code response} with a body that counts the bytes read from it, when anyone listens. */
    public TransportResponse counting(TransportResponse response) {
        return listeners.isEmpty() ? response
                : new TransportResponse(response.status(), response.headers(), new CountingStream(response.body()));
    }

    /**
     * An attempt ended.
     *
     * @param startNanos {@link System#nanoTime()} just before it was sent
     * @param response its response (as {@link #counting} returned it), or null when none arrived
     * @param failure why it brought no usable response, or null when its response was read
     */
    public void attemptEnded(TransportRequest request, int attempt, long startNanos, @Nullable TransportResponse response,
            @Nullable Throwable failure) {
        if (listeners.isEmpty()) {
            return;
        }
        AttemptEnded event = new AttemptEnded(request.method(), url(request), attempt,
                response == null ? OptionalInt.empty() : OptionalInt.of(response.status()),
                Optional.ofNullable(failure).map(this::describe),
                Duration.ofNanos(System.nanoTime() - startNanos),
                Optional.ofNullable(response == null ? null : ErrorMapper.requestId(response.headers())).map(redactor),
                response != null && response.body() instanceof CountingStream c ? c.count : 0);
        emit(event, l -> l.attemptEnded(event));
    }

    /**
     * Attempt {@code attempt}, which failed with {@code last}, is retried after {@code delay}: at once
     * after a rejected credential, after the server's delay when {@code last} carries one (the retry
     * policy then waits exactly that), else after the back-off.
     */
    public void retryScheduled(int attempt, Duration delay, RunlistException last) {
        if (listeners.isEmpty()) {
            return;
        }
        OptionalInt status = last instanceof ApiException e ? OptionalInt.of(e.status()) : OptionalInt.empty();
        boolean server = last instanceof ApiException e && e.retryAfter().isPresent();
        boolean renewal = status.isPresent() && status.getAsInt() == 401 && delay.isZero() && !server;
        RetryScheduled event = new RetryScheduled(attempt, renewal ? RetryReason.CREDENTIAL_REJECTED : reason(status),
                status, delay, server ? DelaySource.SERVER : renewal ? DelaySource.IMMEDIATE : DelaySource.BACKOFF);
        emit(event, l -> l.retryScheduled(event));
    }

    /** A page of {@code runs} runs of {@code threadId} was decoded in {@code decodeNanos}. */
    public void pageDelivered(String threadId, int runs, boolean hasMore, long decodeNanos, @Nullable String requestId) {
        if (!listeners.isEmpty()) {
            PageDelivered event = new PageDelivered(threadId, runs, hasMore, Duration.ofNanos(decodeNanos),
                    Optional.ofNullable(requestId).map(redactor));
            emit(event, l -> l.pageDelivered(event));
        }
    }

    /** The counts of a new listing of {@code threadId}, which reports its end once. */
    public Listing listing(String threadId) {
        return new Listing(threadId);
    }

    /**
     * One listing's pages and runs, and its end, reported once whatever ends it first. Counting is for
     * the listing's one consumer at a time; the end may be reported from any thread.
     */
    public final class Listing {
        private final String threadId;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile int pages;
        private volatile long runs;

        private Listing(String threadId) {
            this.threadId = threadId;
        }

        /** A page was received. */
        public void page() {
            pages++;
        }

        /** A run reached the consumer. */
        public void run() {
            runs++;
        }

        /** The consumer found the listing complete. */
        public void completed() {
            end(Ending.COMPLETED, null);
        }

        /** The consumer cancelled the listing (or closed its stream). */
        public void cancelled() {
            end(Ending.CANCELLED, null);
        }

        /** {@code failure} ended the listing. */
        public void failed(Throwable failure) {
            end(ending(failure), failure);
        }

        private void end(Ending ending, @Nullable Throwable failure) {
            if (listeners.isEmpty() || !ended.compareAndSet(false, true)) {
                return;
            }
            ListingEnded event = new ListingEnded(threadId, runs, pages, ending,
                    Optional.ofNullable(failure).map(ListenerEvents.this::describe));
            emit(event, l -> l.listingEnded(event));
        }
    }

    /** How a failure ended a listing: the first telling exception along its causes. */
    static Ending ending(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof RunlistTimeoutException) {
                return Ending.TIMED_OUT;
            }
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
                return Ending.INTERRUPTED;
            }
            if (t instanceof CancellationException) {
                return Ending.CANCELLED;
            }
            if (t instanceof RejectedExecutionException || t instanceof ClientClosedException) {
                return Ending.CLOSED;
            }
        }
        return Ending.FAILED;
    }

    private static RetryReason reason(OptionalInt status) {
        if (status.isEmpty()) {
            return RetryReason.CONNECTION_FAILED;
        }
        int s = status.getAsInt();
        return s == 429 ? RetryReason.RATE_LIMITED
                : s >= 500 ? RetryReason.SERVER_ERROR
                : s == 408 ? RetryReason.REQUEST_TIMEOUT
                : s == 409 ? RetryReason.CONFLICT
                : RetryReason.SERVER_REQUESTED;
    }

    private String url(TransportRequest request) {
        return Redaction.url(request.uri(), redactor);
    }

    private String describe(Throwable failure) {
        return redactor.apply(failure.getClass().getName() + ": " + failure.getMessage());
    }

    private void emit(Object event, Consumer<RunsListener> call) {
        for (Guarded g : listeners) {
            try {
                call.accept(g.listener);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                g.threw(event, t);
            }
        }
    }

    /** A listener, and whether its first failure has been logged. */
    private static final class Guarded {
        final RunsListener listener;
        final AtomicBoolean warned = new AtomicBoolean();

        Guarded(RunsListener listener) {
            this.listener = listener;
        }

        void threw(Object event, Throwable t) {
            String name = event.getClass().getSimpleName();
            if (warned.compareAndSet(false, true)) {
                LOG.warn("RunsListener {} threw on {}; ignored, as are its later failures (logged at DEBUG)",
                        listener.getClass().getName(), name, t);
            } else {
                LOG.debug("RunsListener {} threw on {} again; ignored: {}", listener.getClass().getName(), name, t.toString());
            }
        }
    }

    /** A body that counts the bytes read and skipped through it. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += Math.max(0, skipped);
            return skipped;
        }
    }
}
