package dev.runlist;

import dev.runlist.errors.RunlistException;
import dev.runlist.internal.ListenerEvents;
import dev.runlist.model.Run;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every run of a listing to each subscriber, fetching a page only when the subscriber has
 * demand left and the previous page is delivered, so at most one page is buffered. Each subscription
 * is a fresh walk that pages and checks pages as {@link RunPager} does (one {@link CursorTrail});
 * cancelling it aborts the fetch in flight.
 *
 * <p>Every subscription ends in exactly one terminal signal ({@code onComplete} or {@code onError}),
 * or none after {@code cancel()}. No exception escapes {@code request()}, {@code cancel()} or any
 * callback: a bad {@code request(n)} (rule 3.9), a fetch that cannot start (a closed client, say), a
 * page that fails a check, or a subscriber method that throws (rule 2.13) each end the subscription
 * with {@code onError}; an exception thrown by {@code onError} or {@code onComplete} themselves is
 * logged and dropped. A {@link RunlistException} signalled carries {@link RunlistException#resumeParams()}.
 */
final class RunPublisher implements Flow.Publisher<Run> {

    private static final Logger LOG = LoggerFactory.getLogger(RunPublisher.class);

    private final Function<ListRunsParams, CompletableFuture<RunPage>> fetch;
    private final ListRunsParams start;
    private final UnaryOperator<String> secret;
    private final Supplier<ListenerEvents.Listing> listings;

    RunPublisher(Function<ListRunsParams, CompletableFuture<RunPage>> fetch, ListRunsParams start, UnaryOperator<String> secret,
            Supplier<ListenerEvents.Listing> listings) {
        this.fetch = fetch;
        this.start = start;
        this.secret = secret;
        this.listings = listings;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Run> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        RunSubscription subscription = new RunSubscription(subscriber);
        try {
            subscriber.onSubscribe(subscription);
        } catch (Throwable t) {
            subscription.signalLater(t);
        }
        subscription.drain();
    }

    private final class RunSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super Run> subscriber;
        private final CursorTrail trail = new CursorTrail(start, secret, listings.get());
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicReference<Object> arrived = new AtomicReference<>();
        private final AtomicReference<Throwable> pendingError = new AtomicReference<>();
        private volatile boolean cancelled;
        private volatile @Nullable CompletableFuture<RunPage> inFlight;

        // Touched only inside drain(), which runs on one thread at a time.
        private final ArrayDeque<Run> buffer = new ArrayDeque<>();
        private boolean fetching;
        private boolean terminated;

        RunSubscription(Flow.Subscriber<? super Run> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                signalLater(new IllegalArgumentException(
                        "request(n) needs n > 0 (reactive streams rule 3.9), was " + n));
            } else {
                demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            abortInFlight();
            drain();
        }

        /** Ends the subscription with {@code error} at the next drain, unless it has ended already. */
        void signalLater(Throwable error) {
            pendingError.compareAndSet(null, error);
        }

        void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            do {
                try {
                    step();
                } catch (RuntimeException e) {
                    fail(e);
                }
            } while (wip.decrementAndGet() != 0);
        }

        private void step() {
            if (terminated) {
                return;
            }
            if (cancelled) {
                terminated = true;
                buffer.clear();
                trail.cancelled();
                return;
            }
            Throwable error = pendingError.get();
            if (error != null) {
                fail(error);
                return;
            }
            Object result = arrived.getAndSet(null);
            if (result instanceof Throwable t) {
                fail(t);
                return;
            }
            if (result instanceof RunPage page) {
                fetching = false;
                buffer.addAll(trail.accept(page));
            }
            while (!buffer.isEmpty() && demand.get() > 0 && !cancelled && pendingError.get() == null) {
                Run run = buffer.poll();
                trail.delivered(run);
                demand.decrementAndGet();
                try {
                    subscriber.onNext(run);
                } catch (Throwable t) {
                    fail(t);
                    return;
                }
            }
            if (!buffer.isEmpty() || fetching || cancelled || pendingError.get() != null) {
                return; // a cancel or an error set meanwhile has its own pass: it called drain() after setting it
            }
            ListRunsParams next = trail.next();
            if (next == null) {
                terminated = true;
                try {
                    subscriber.onComplete();
                } catch (Throwable t) {
                    LOG.warn("A subscriber's onComplete threw; dropped", t);
                }
            } else if (demand.get() > 0) {
                fetching = true;
                CompletableFuture<RunPage> f = fetch.apply(next);
                inFlight = f;
                if (cancelled) {
                    f.cancel(true);
                }
                f.whenComplete((page, failure) -> {
                    arrived.set(failure != null ? failure : page);
                    drain();
                });
            }
        }

        /** Ends the subscription with {@code error}: the fetch is aborted and onError called once. */
        private void fail(Throwable error) {
            if (terminated) {
                return;
            }
            terminated = true;
            buffer.clear();
            abortInFlight();
            Throwable cause = unwrap(error);
            if (cause instanceof RuntimeException e) {
                cause = trail.fail(e);
            } else {
                trail.failedWith(cause);
            }
            try {
                subscriber.onError(cause);
            } catch (Throwable t) {
                LOG.warn("A subscriber's onError threw; dropped", t);
            }
        }

        private void abortInFlight() {
            CompletableFuture<RunPage> f = inFlight;
            if (f != null) {
                f.cancel(true);
            }
        }

        private Throwable unwrap(Throwable error) {
            Throwable cause = error;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof CancellationException && !cancelled) {
                return new RunlistException("the fetch of the next page was cancelled", cause);
            }
            return cause;
        }
    }
}
