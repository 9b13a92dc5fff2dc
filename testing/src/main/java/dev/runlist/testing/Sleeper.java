package dev.runlist.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How {@link FakeRunsApi} waits out the delays a {@link Fault} scripts (before the headers, between
 * pieces of a throttled body). The default, {@link #SYSTEM}, sleeps in real time; a test can pass one
 * that records the delays, or blocks on a latch until the test lets it go, so that it never waits
 * for time to pass. Called on the thread delivering the answer; must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps in real time ({@link TimeUnit#sleep}). */
    Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

    /**
     * Returns once {@code delay} has passed, as this sleeper counts time.
     *
     * @param delay how long to wait, positive
     * @throws InterruptedException when the thread is interrupted while waiting; the fake then
     *     abandons the answer (an async call was cancelled, or the fake is closing)
     */
    void sleep(Duration delay) throws InterruptedException;
}
