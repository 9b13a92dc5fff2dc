package dev.runlist.testing;

import dev.runlist.RunsListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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

    synchronized boolean await(String kind) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!kinds().contains(kind)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    List<String> kinds() {
        return all.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toList());
    }

    <T> List<T> of(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }
}
