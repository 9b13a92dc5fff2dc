package dev.runlist;

import dev.runlist.model.Run;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every run of a thread from a starting point, fetched lazily page by page as it is iterated. Each
 * {@link #iterator()} starts a fresh walk; see {@link RunPager} for how it pages. Thread-safe to
 * share; each iterator is for one consumer.
 */
public final class RunListing implements Iterable<Run> {

    private final Function<ListRunsParams, RunPage> fetch;
    private final ListRunsParams start;

    RunListing(Function<ListRunsParams, RunPage> fetch, ListRunsParams start) {
        this.fetch = fetch;
        this.start = start;
    }

    /** A new walk from the starting parameters. */
    @Override
    public RunPager iterator() {
        return new RunPager(fetch, start);
    }

    /** A sequential, lazy stream of the runs; a fresh walk. */
    public Stream<Run> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The pages themselves, fetched lazily, for callers that want page-level detail. Each iterator is
     * a fresh walk with the same safeguards as the runs' iterator.
     */
    public Iterable<RunPage> pages() {
        return () -> new PageWalker(fetch, start, null);
    }
}
