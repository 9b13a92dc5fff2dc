package dev.runlist.testing;

import dev.runlist.model.Run;

/**
 * A run's place in a thread: {@code created_at} in whole seconds (what the wire shows), then the id
 * compared by UTF-16 code unit (byte order for ASCII ids) to break ties. Ascending order is
 * oldest first.
 */
record RunKey(long createdAt, String id) implements Comparable<RunKey> {

    static RunKey of(Run run) {
        return new RunKey(run.createdAt().getEpochSecond(), run.id());
    }

    @Override
    public int compareTo(RunKey o) {
        int c = Long.compare(createdAt, o.createdAt);
        return c != 0 ? c : id.compareTo(o.id);
    }
}
