package dev.runlist.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bodies of recently served pages, so a page asked for again from the same state of its thread
 * is sent without encoding it again (as a server's cache would). Keyed by thread, the thread's
 * version and the query, so any change to a thread makes its old pages unreachable; the least
 * recently used are dropped past {@value #MAX_PAGES}. Thread-safe.
 */
final class EncodedPages {

    static final int MAX_PAGES = 256;

    private record Key(ThreadRuns thread, long version, ListQuery query) {}

    private final Map<Key, byte[]> bodies = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > MAX_PAGES;
        }
    };

    /** The body of {@code query}'s page from {@code thread} at {@code version}, encoding it if not cached. */
    byte[] get(ThreadRuns thread, long version, ListQuery query, Supplier<byte[]> encode) {
        Key key = new Key(thread, version, query);
        synchronized (bodies) {
            byte[] body = bodies.get(key);
            if (body != null) {
                return body;
            }
        }
        byte[] body = encode.get();
        synchronized (bodies) {
            bodies.put(key, body);
        }
        return body;
    }
}
