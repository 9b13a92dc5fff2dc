package dev.runlist.testing;

import dev.runlist.spi.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every request received, in arrival order, with a read position for {@code takeRequest}; or, when
 * not keeping requests, only their count. Thread-safe.
 */
final class RequestJournal {

    private final boolean keep;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private int count;
    private int taken;

    RequestJournal(boolean keep) {
        this.keep = keep;
    }

    synchronized RecordedRequest record(String method, String path, String rawQuery,
            Map<String, List<String>> query, Headers headers, String threadId, Instant at) {
        RecordedRequest r = new RecordedRequest(count++, method, path, rawQuery, query, headers, threadId, at);
        if (keep) {
            requests.add(r);
            notifyAll();
        }
        return r;
    }

    synchronized int count() {
        return count;
    }

    synchronized List<RecordedRequest> all() {
        return RecordedRequest.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
        count = 0;
        taken = 0;
    }

    /**
     * The oldest request not yet taken, waiting up to {@code timeout} for one to arrive.
     *
     * @throws AssertionError when none arrives in time
     */
    synchronized RecordedRequest take(Duration timeout) {
        if (!keep) {
            throw new AssertionError("this fake API keeps no journal (FakeRunsApi.builder().recordRequests(false)); "
                    + count + " requests arrived");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taken >= requests.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no request arrived at the fake API within " + timeout.toMillis()
                        + " ms (" + requests.size() + " recorded, all already taken)");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a request to the fake API", e);
            }
        }
        return requests.get(taken++);
    }
}
