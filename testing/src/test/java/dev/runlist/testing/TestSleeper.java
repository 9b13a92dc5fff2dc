package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Records every delay and returns at once; optionally holds each caller until released. */
final class TestSleeper implements Sleeper {
    final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore entered = new Semaphore(0);
    private final CountDownLatch gate;

    TestSleeper(boolean hold) {
        this.gate = new CountDownLatch(hold ? 1 : 0);
    }

    @Override
    public void sleep(Duration delay) throws InterruptedException {
        delays.add(delay);
        entered.release();
        gate.await();
    }

    /** Waits until a delivery has started its {@code n}-th wait (counted from the start). */
    void awaitWaits(int n) throws InterruptedException {
        assertThat(entered.tryAcquire(n, 10, TimeUnit.SECONDS)).as("the fake started waiting").isTrue();
        entered.release(n);
    }

    void release() {
        gate.countDown();
    }
}
