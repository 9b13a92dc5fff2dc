package dev.runlist.testing;

import dev.runlist.model.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The runs of one thread: an optional seeded batch generated on demand ({@link SeededRuns}), plus
 * the runs added or updated since, ordered by {@link RunKey}, plus a tombstone for every deleted run
 * so a cursor naming it still marks its place. A seeded run that is deleted or updated is hidden from
 * the batch (an updated one then lives among the added runs). Every method holds this thread's lock,
 * so a listing sees one consistent state and mutations of other threads never wait for it.
 */
final class ThreadRuns {

    private final String threadId;
    /** The seeded batch, or null; set only while the thread holds nothing else. */
    private SeededRuns seeded;
    /** Ids of seeded runs deleted or replaced. */
    private final Set<String> hidden = new HashSet<>();
    private final TreeMap<RunKey, Run> runs = new TreeMap<>();
    private final Map<String, RunKey> live = new HashMap<>();
    private final Map<String, RunKey> tombstones = new HashMap<>();
    /** Counts changes, so an answer computed from one state can be told from one of another. */
    private long version;

    ThreadRuns(String threadId) {
        this.threadId = threadId;
    }

    /**
     * Adds a seeded batch: kept as generated when the thread holds nothing yet, else its runs are
     * added one by one.
     *
     * @throws IllegalArgumentException when the thread already holds one of its ids
     */
    synchronized void seed(SeededRuns batch) {
        if (seeded == null && runs.isEmpty() && tombstones.isEmpty()) {
            seeded = batch;
            version++;
        } else {
            addAll(batch);
        }
    }

    synchronized void add(Run run) {
        if (live.containsKey(run.id()) || seededIndex(run.id()) >= 0) {
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
        if (old != null) {
            runs.remove(old);
        } else if (seededIndex(run.id()) >= 0) {
            hidden.add(run.id());
        } else {
            throw new IllegalArgumentException("thread '" + threadId + "' holds no run '" + run.id()
                    + "' to update; use addRun to add it");
        }
        put(run);
    }

    synchronized boolean delete(String runId) {
        RunKey key = live.remove(runId);
        if (key != null) {
            runs.remove(key);
            tombstones.put(runId, key);
        } else if (seededIndex(runId) >= 0) {
            hidden.add(runId);
        } else {
            return false;
        }
        version++;
        return true;
    }

    /** The thread's change count: equal counts mean the same runs, so the same pages. */
    synchronized long version() {
        return version;
    }

    /** Every run, oldest first; the seeded batch itself while nothing changed it. */
    synchronized List<Run> snapshot() {
        if (runs.isEmpty() && hidden.isEmpty()) {
            return seeded != null ? seeded : List.of();
        }
        List<Run> all = new ArrayList<>();
        walk(null, null, true).forEachRemaining(e -> all.add(e.run()));
        return Collections.unmodifiableList(all);
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
        // In the requested order "after" bounds the start and "before" the end; walking backward
        // (before alone) takes the runs nearest the cursor, then restores the requested order.
        boolean backward = beforeKey != null && afterKey == null;
        RunKey lower = query.ascending() ? afterKey : beforeKey;
        RunKey upper = query.ascending() ? beforeKey : afterKey;
        Iterator<Entry> it = walk(lower, upper, query.ascending() != backward);
        List<Run> page = new ArrayList<>(Math.min(query.limit(), 100));
        while (it.hasNext() && page.size() < query.limit()) {
            page.add(it.next().run());
        }
        boolean hasMore = it.hasNext();
        if (backward) {
            Collections.reverse(page);
        }
        return PageResult.page(page, hasMore, version);
    }

    /** The place a cursor names: a live run's, a deleted run's, or a seeded run's as generated. */
    private RunKey position(String runId) {
        RunKey key = live.get(runId);
        if (key == null) {
            key = tombstones.get(runId);
        }
        if (key == null && seeded != null) {
            int i = seeded.indexOfId(runId);
            key = i < 0 ? null : seeded.key(i);
        }
        return key;
    }

    /** The index of the visible seeded run with {@code id}, or -1. */
    private int seededIndex(String id) {
        return seeded == null || hidden.contains(id) ? -1 : seeded.indexOfId(id);
    }

    private void put(Run run) {
        RunKey key = RunKey.of(run);
        runs.put(key, run);
        live.put(run.id(), key);
        tombstones.remove(run.id());
        version++;
    }

    // ------------------------------------------------------------------ merged walk

    /** A run met by a walk: an added run, or a seeded one made only when asked for. */
    private final class Entry {
        final RunKey key;
        final Run added;
        final int index;

        Entry(RunKey key, Run added, int index) {
            this.key = key;
            this.added = added;
            this.index = index;
        }

        Run run() {
            return added != null ? added : seeded.get(index);
        }
    }

    /**
     * The visible runs strictly between {@code lower} and {@code upper} (null: unbounded), ascending
     * or descending: the seeded batch and the added runs merged by key.
     */
    private Iterator<Entry> walk(RunKey lower, RunKey upper, boolean ascending) {
        if (lower != null && upper != null && lower.compareTo(upper) >= 0) {
            return Collections.emptyIterator();
        }
        NavigableMap<RunKey, Run> window = runs;
        if (lower != null) {
            window = window.tailMap(lower, false);
        }
        if (upper != null) {
            window = window.headMap(upper, false);
        }
        Iterator<Map.Entry<RunKey, Run>> added =
                (ascending ? window : window.descendingMap()).entrySet().iterator();
        Iterator<Entry> fromSeed = seeded == null ? Collections.emptyIterator()
                : new SeededWalk(lower, upper, ascending);
        return new Iterator<>() {
            private Entry nextAdded = advance(added);
            private Entry nextSeeded = fromSeed.hasNext() ? fromSeed.next() : null;

            @Override
            public boolean hasNext() {
                return nextAdded != null || nextSeeded != null;
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                boolean takeAdded = nextSeeded == null || nextAdded != null
                        && (nextAdded.key.compareTo(nextSeeded.key) < 0) == ascending;
                if (takeAdded) {
                    Entry e = nextAdded;
                    nextAdded = advance(added);
                    return e;
                }
                Entry e = nextSeeded;
                nextSeeded = fromSeed.hasNext() ? fromSeed.next() : null;
                return e;
            }

            private Entry advance(Iterator<Map.Entry<RunKey, Run>> it) {
                if (!it.hasNext()) {
                    return null;
                }
                Map.Entry<RunKey, Run> e = it.next();
                return new Entry(e.getKey(), e.getValue(), -1);
            }
        };
    }

    /** The visible seeded runs strictly between two keys, found by binary search, in either direction. */
    private final class SeededWalk implements Iterator<Entry> {
        private final RunKey lower;
        private final RunKey upper;
        private final boolean ascending;
        private int i;
        private Entry next;

        SeededWalk(RunKey lower, RunKey upper, boolean ascending) {
            this.lower = lower;
            this.upper = upper;
            this.ascending = ascending;
            if (ascending) {
                i = lower == null ? 0 : seeded.firstAfter(lower);
            } else {
                i = (upper == null ? seeded.size() : seeded.firstAtOrAfter(upper)) - 1;
            }
            next = find();
        }

        private Entry find() {
            while (i >= 0 && i < seeded.size()) {
                RunKey key = seeded.key(i);
                int index = i;
                i += ascending ? 1 : -1;
                if (ascending ? upper != null && key.compareTo(upper) >= 0
                        : lower != null && key.compareTo(lower) <= 0) {
                    i = -1;
                    return null;
                }
                if (!hidden.contains(key.id())) {
                    return new Entry(key, null, index);
                }
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Entry next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Entry e = next;
            next = find();
            return e;
        }
    }
}
