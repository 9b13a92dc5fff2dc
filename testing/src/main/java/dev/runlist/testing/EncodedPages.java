package dev.runlist.testing;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The bodies of recently served pages, so a page asked for again from the same state of its thread
 * is sent without encoding it again (as a server's cache would). Keyed by thread, the thread's
 * version and the query, so any change to a thread makes its old pages unreachable; the least
 * recently used are dropped past {@value #MAX_PAGES} pages or {@link #MAX_BYTES} bytes, so the cache
 * stays small beside a fake serving a huge thread in a small heap. Thread-safe.
 */
final class EncodedPages {

    static final int MAX_PAGES = 256;
    /** A sixteenth of the heap, at most 64 MB: 4 MB beside {@code serve-fake} in {@code -Xmx64m}. */
    static final long MAX_BYTES = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16);

    private record Key(ThreadRuns thread, long version, ListQuery query) {}

    private final LinkedHashMap<Key, byte[]> bodies = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** The body of {@code query}'s page from {@code thread} at {@code version}, or null when not cached. */
    byte[] get(ThreadRuns thread, long version, ListQuery query) {
        synchronized (bodies) {
            return bodies.get(new Key(thread, version, query));
        }
    }

    /** Keeps {@code body}, the page {@code query} got from {@code thread} at {@code version}; returns it. */
    byte[] put(ThreadRuns thread, long version, ListQuery query, byte[] body) {
        synchronized (bodies) {
            byte[] old = bodies.put(new Key(thread, version, query), body);
            bytes += body.length - (old == null ? 0 : old.length);
            for (Iterator<byte[]> eldest = bodies.values().iterator();
                    eldest.hasNext() && (bodies.size() > MAX_PAGES || bytes > MAX_BYTES); ) {
                bytes -= eldest.next().length;
                eldest.remove();
            }
        }
        return body;
    }
}
