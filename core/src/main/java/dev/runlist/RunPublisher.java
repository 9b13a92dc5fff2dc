package dev.runlist;

import dev.runlist.errors.RunlistException;
import dev.runlist.model.Run;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Publishes every run of a listing to each subscriber, fetching a page only when the subscriber has
 * demand left and the previous page is delivered, so at most one page is buffered. Each subscription
 * is a fresh walk that pages as {@link RunPager} does; cancelling it aborts the fetch in flight.
 */
final class RunPublisher implements Flow.Publisher<Run> {

    private final Function<ListRunsParams, CompletableFuture<RunPage>> fetch;
    private final ListRunsParams start;

    RunPublisher(Function<ListRunsParams, CompletableFuture<RunPage>> fetch, ListRunsParams start) {
        this.fetch = fetch;
        this.start = start;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Run> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        RunSubscription subscription = new RunSubscription(subscriber);
        subscriber.onSubscribe(subscription);
        subscription.drain();
    }

    private final class RunSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super Run> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicReference<Object> arrived = new AtomicReference<>();
        private final ArrayDeque<Run> buffer = new ArrayDeque<>();
        private final CursorTrail trail = new CursorTrail(start);
        private volatile boolean cancelled;
        private volatile @Nullable CompletableFuture<RunPage> inFlight;

        // Touched only inside drain(), which runs on one thread at a time.
        private @Nullable ListRunsParams next = start;
        private boolean fetching;
        private boolean terminated;
        private @Nullable String cursor;

        RunSubscription(Flow.Subscriber<? super Run> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                arrived.set(new IllegalArgumentException("request(n) needs n > 0 (reactive streams rule 3.9), was " + n));
            } else {
                demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            CompletableFuture<RunPage> f = inFlight;
            if (f != null) {
                f.cancel(true);
            }
        }

        void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            do {
                step();
            } while (wip.decrementAndGet() != 0);
        }

        private void step() {
            if (cancelled || terminated) {
                buffer.clear();
                return;
            }
            Object result = arrived.getAndSet(null);
            if (result instanceof Throwable error) {
                fail(error);
                return;
            }
            if (result instanceof RunPage page) {
                fetching = false;
                try {
                    next = trail.after(page);
                } catch (RunlistException e) {
                    fail(e);
                    return;
                }
                List<Run> data = page.data();
                if (start.isBackward()) {
                    for (int i = data.size() - 1; i >= 0; i--) {
                        buffer.add(data.get(i));
                    }
                } else {
                    buffer.addAll(data);
                }
            }
            while (!buffer.isEmpty() && demand.get() > 0 && !cancelled) {
                Run run = buffer.poll();
                cursor = run.id();
                demand.decrementAndGet();
                subscriber.onNext(run);
            }
            if (!buffer.isEmpty() || fetching || cancelled) {
                return;
            }
            if (next == null) {
                terminated = true;
                subscriber.onComplete();
            } else if (demand.get() > 0) {
                fetching = true;
                CompletableFuture<RunPage> f = fetch.apply(next);
                inFlight = f;
                if (cancelled) {
                    f.cancel(true);
                }
                f.whenComplete((page, error) -> {
                    arrived.set(error != null ? error : page);
                    drain();
                });
            }
        }

        private void fail(Throwable error) {
            terminated = true;
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RunlistException e) {
                e.resumableWith(cursor == null ? start : start.continuingAfter(cursor));
            }
            subscriber.onError(cause);
        }
    }
}
