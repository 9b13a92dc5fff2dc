package dev.runlist.testing;

import dev.runlist.model.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The runs of one thread, ordered by {@link RunKey}, plus a tombstone for every deleted run so a
 * cursor naming it still marks its place. Every method holds this thread's lock, so a listing sees
 * one consistent state and mutations of other threads never wait for it.
 */
final class ThreadRuns {

    private final String threadId;
    private final TreeMap<RunKey, Run> runs = new TreeMap<>();
    private final Map<String, RunKey> live = new HashMap<>();
    private final Map<String, RunKey> tombstones = new HashMap<>();
    /** Counts changes, so an answer computed from one state can be told from one of another. */
    private long version;

    ThreadRuns(String threadId) {
        this.threadId = threadId;
    }

    synchronized void add(Run run) {
        if (live.containsKey(run.id())) {
            throw new IllegalArgumentException("thread '" + threadId + "' already holds run '" + run.id()
                    + "'; use updateRun to replace it");
        }
        put(run);
    }

    synchronized void addAll(List<Run> batch) {
        for (Run run : batch) {
            add(run);
        }
    }

    synchronized void update(Run run) {
        RunKey old = live.get(run.id());
        if (old == null) {
            throw new IllegalArgumentException("thread '" + threadId + "' holds no run '" + run.id()
                    + "' to update; use addRun to add it");
        }
        runs.remove(old);
        put(run);
    }

    synchronized boolean delete(String runId) {
        RunKey key = live.remove(runId);
        if (key == null) {
            return false;
        }
        runs.remove(key);
        tombstones.put(runId, key);
        version++;
        return true;
    }

    synchronized List<Run> snapshot() {
        return List.copyOf(runs.values());
    }

    /** The page {@code query} asks for, computed under the lock from one state of the thread. */
    synchronized PageResult list(ListQuery query) {
        RunKey afterKey = null;
        RunKey beforeKey = null;
        if (query.after() != null) {
            afterKey = position(query.after());
            if (afterKey == null) {
                return PageResult.unknownCursor("after", query.after());
            }
        }
        if (query.before() != null) {
            beforeKey = position(query.before());
            if (beforeKey == null) {
                return PageResult.unknownCursor("before", query.before());
            }
        }
        NavigableMap<RunKey, Run> window = query.ascending() ? runs : runs.descendingMap();
        if (afterKey != null) {
            window = window.tailMap(afterKey, false);
        }
        if (beforeKey != null) {
            window = window.headMap(beforeKey, false);
        }
        boolean backward = beforeKey != null && afterKey == null;
        // Walking backward takes the runs nearest the cursor, then restores the requested order.
        Iterator<Run> it = backward ? window.descendingMap().values().iterator() : window.values().iterator();
        List<Run> page = new ArrayList<>(Math.min(query.limit(), runs.size()));
        while (it.hasNext() && page.size() < query.limit()) {
            page.add(it.next());
        }
        boolean hasMore = it.hasNext();
        if (backward) {
            Collections.reverse(page);
        }
        return PageResult.page(page, hasMore, version);
    }

    private RunKey position(String runId) {
        RunKey key = live.get(runId);
        return key != null ? key : tombstones.get(runId);
    }

    private void put(Run run) {
        RunKey key = RunKey.of(run);
        runs.put(key, run);
        live.put(run.id(), key);
        tombstones.remove(run.id());
        version++;
    }
}
