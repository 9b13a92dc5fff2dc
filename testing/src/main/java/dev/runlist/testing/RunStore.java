package dev.runlist.testing;

import dev.runlist.model.Run;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Every thread the fake knows, each guarded by its own lock ({@link ThreadRuns}). Thread-safe. */
final class RunStore {

    private final ConcurrentMap<String, ThreadRuns> threads = new ConcurrentHashMap<>();

    boolean createThread(String threadId) {
        requireId(threadId, "threadId");
        return threads.putIfAbsent(threadId, new ThreadRuns(threadId)) == null;
    }

    boolean deleteThread(String threadId) {
        return threads.remove(threadId) != null;
    }

    /** The thread, created when absent. */
    ThreadRuns threadOrCreate(String threadId) {
        requireId(threadId, "threadId");
        return threads.computeIfAbsent(threadId, ThreadRuns::new);
    }

    /** The thread, or null when there is none. */
    ThreadRuns thread(String threadId) {
        return threads.get(threadId);
    }

    ThreadRuns existing(String threadId) {
        ThreadRuns t = threads.get(Objects.requireNonNull(threadId, "threadId"));
        if (t == null) {
            throw new IllegalArgumentException("no thread '" + threadId + "'; create it with createThread or addRun");
        }
        return t;
    }

    void add(Run run) {
        threadOrCreate(run.threadId()).add(run);
    }

    /** Adds a seeded batch to its thread, creating the thread when absent. */
    void seed(SeededRuns batch) {
        threadOrCreate(batch.threadId()).seed(batch);
    }

    static void requireId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
