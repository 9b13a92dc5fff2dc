package dev.runlist;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A listener that records every event, in order, from any thread, for tests to wait on and inspect. */
final class RecordingListener implements RunsListener {
    final List<Object> all = new CopyOnWriteArrayList<>();

    @Override
    public void attemptStarted(AttemptStarted event) {
        add(event);
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        add(event);
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        add(event);
    }

    @Override
    public void pageDelivered(PageDelivered event) {
        add(event);
    }

    @Override
    public void listingEnded(ListingEnded event) {
        add(event);
    }

    private synchronized void add(Object event) {
        all.add(event);
        notifyAll();
    }

    /** Waits up to 10 s for an event of the simple class name {@code kind}. */
    boolean awaitKind(String kind) throws InterruptedException {
        return awaitCount(kind, 1);
    }

    /** Waits up to 10 s for {@code n} events of the simple class name {@code kind}. */
    synchronized boolean awaitCount(String kind, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (kinds().stream().filter(kind::equals).count() < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    List<String> kinds() {
        return all.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    /** The events of {@code type}, in order. */
    <T> List<T> of(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T get(Class<T> type, int index) {
        return all.stream().filter(type::isInstance).map(type::cast).skip(index).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " #" + index + " in " + kinds()));
    }
}
